package org.glorotsweep.sweep.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts lines of SQL into statements at each {@code ;} that is outside quotes ({@code '...'}, {@code "..."},
 * {@code `...`}, with backslash escapes) and comments ({@code -- ...} to the end of the line,
 * {@code /* ... *}{@code /}). A statement may span lines; several may share one. A statement holding only
 * comments and blanks is dropped.
 */
final class StatementSplitter {
  private enum State { CODE, SINGLE_QUOTED, DOUBLE_QUOTED, BACKQUOTED, LINE_COMMENT, BLOCK_COMMENT }

  private final StringBuilder pending = new StringBuilder();
  private State state = State.CODE;
  private boolean pendingHasCode;

  /** Adds one line (without its line break); returns the statements it completes, without their {@code ;}. */
  List<String> add(String line) {
    List<String> complete = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
      switch (state) {
        case CODE -> {
          if (c == ';') {
            finish(complete);
            continue;
          }
          if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
          } else if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            pending.append(c).append(next);
            i++;
            continue;
          } else if (!Character.isWhitespace(c)) {
            pendingHasCode = true;
            state = switch (c) {
              case '\'' -> State.SINGLE_QUOTED;
              case '"' -> State.DOUBLE_QUOTED;
              case '`' -> State.BACKQUOTED;
              default -> State.CODE;
            };
          }
        }
        case SINGLE_QUOTED, DOUBLE_QUOTED, BACKQUOTED -> {
          if (c == '\\' && state != State.BACKQUOTED && i + 1 < line.length()) {
            pending.append(c).append(next);
            i++;
            continue;
          }
          if (c == closingQuote()) {
            state = State.CODE;
          }
        }
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') {
            state = State.CODE;
            pending.append(c).append(next);
            i++;
            continue;
          }
        }
        case LINE_COMMENT -> { }
      }
      pending.append(c);
    }
    if (state == State.LINE_COMMENT) {
      state = State.CODE;
    }
    pending.append('\n');
    return complete;
  }

  /** Whether no part of a statement is waiting for its {@code ;}. */
  boolean isEmpty() {
    return !pendingHasCode;
  }

  /** The unfinished statement at the end of the input, if it holds any code; clears it. */
  List<String> rest() {
    List<String> complete = new ArrayList<>();
    finish(complete);
    return complete;
  }

  private char closingQuote() {
    return switch (state) {
      case SINGLE_QUOTED -> '\'';
      case DOUBLE_QUOTED -> '"';
      default -> '`';
    };
  }

  private void finish(List<String> complete) {
    if (pendingHasCode) {
      complete.add(pending.toString().strip());
    }
    pending.setLength(0);
    pendingHasCode = false;
    state = State.CODE;
  }
}
