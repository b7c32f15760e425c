package org.glorotsweep.sweep.cli;

import java.util.Set;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;

/**
 * Tells a query's own errors from failures of the system, and shortens them to the line a user needs. Spark
 * marks its errors with an SQLSTATE: class 42 (syntax, unknown table, column or function), 22 (data: a bad cast,
 * division by zero) and 21 (a scalar subquery with several rows) are the query's fault; anything else (an
 * unreadable file, a lost executor) keeps its stack trace.
 */
final class QueryErrors {
  private static final Set<String> QUERY_STATE_CLASSES = Set.of("21", "22", "42");

  private QueryErrors() {}

  /** The query's own error in {@code failure} or its causes, as a {@link QueryException}; else null. */
  static QueryException ofQuery(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof AnalysisException || isQueryState(e)) {
        return new QueryException(firstLine(e));
      }
    }
    return null;
  }

  /** The first non-blank line of {@code e}'s message: Spark's error class, text and SQLSTATE. */
  static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(message);
  }

  private static boolean isQueryState(Throwable e) {
    if (!(e instanceof SparkThrowable spark)) {
      return false;
    }
    String state = spark.getSqlState();
    return state != null && state.length() >= 2 && QUERY_STATE_CLASSES.contains(state.substring(0, 2));
  }
}
