package org.glorotsweep.core.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Generates the float64 kernels from the hand-written float32 ones, so that the twins cannot drift apart
 * (house rule 9; EJML's {@code autocode} module writes its 32-bit sources from its 64-bit ones the same way,
 * by a fixed list of name replacements applied to each source file, and commits the output).
 * {@link Float64TwinsTest} fails when a committed generated file differs from what this class writes.
 *
 * <p>Regenerate after editing a float32 source, from the repository root (the class needs only the JDK):
 *
 * <pre>
 *   java trainer-core/src/test/java/org/glorotsweep/core/kernel/Float64Twins.java
 * </pre>
 *
 * <p>The translation reads the source as a sequence of tokens (identifiers, numbers, everything else one
 * character at a time), and rewrites comments and code alike:
 *
 * <ul>
 *   <li>an identifier in {@link #RENAMES} becomes its float64 name ({@code float} to {@code double},
 *       {@code FMatrixRMaj} to {@code DMatrixRMaj}, ...); other identifiers, {@code double} among them,
 *       stay, so a float32 source says "double" where it means float64 in both files;
 *   <li>a float literal loses its suffix: {@code 0.5f} becomes {@code 0.5}, {@code 0f} becomes {@code 0.0};
 *   <li>the cast {@code (float) } disappears;
 *   <li>the token after the marker {@code /*float32*}{@code /} is copied unchanged (the float32 pixels a
 *       float64 kernel reads);
 *   <li>the marker {@code /*float64=TEXT*}{@code /} and the token after it (a number, or a name, qualified or
 *       not) become {@code TEXT}: a constant or type whose float64 value is not the float32 one (a bit count, a
 *       split of ln 2, a threshold);
 *   <li>the source's leading {@code //} comment lines give way to a header naming the source and this
 *       generator.
 * </ul>
 */
public final class Float64Twins {
  /** The hand-written float32 sources, in the kernel package. */
  static final List<String> SOURCES =
      List.of("FloatKernels.java", "FloatEjmlMatMul.java", "FloatVectorMatMul.java", "FloatVectorActivations.java");

  /** The kernel package's source directory, from the module's directory (Surefire's working directory). */
  static final Path KERNEL_DIRECTORY = Path.of("src", "main", "java", "org", "glorotsweep", "core", "kernel");

  /** Float32 names and their float64 twins. */
  static final Map<String, String> RENAMES =
      Map.ofEntries(
          Map.entry("float", "double"),
          Map.entry("Float", "Double"),
          Map.entry("float32", "float64"),
          Map.entry("FLOAT32", "FLOAT64"),
          Map.entry("floatToRawIntBits", "doubleToRawLongBits"),
          Map.entry("FMatrixRMaj", "DMatrixRMaj"),
          Map.entry("CommonOps_FDRM", "CommonOps_DDRM"),
          Map.entry("FloatVector", "DoubleVector"),
          Map.entry("FloatKernels", "DoubleKernels"),
          Map.entry("FloatEjmlMatMul", "DoubleEjmlMatMul"),
          Map.entry("FloatVectorMatMul", "DoubleVectorMatMul"),
          Map.entry("FloatVectorActivations", "DoubleVectorActivations"),
          Map.entry("IntVector", "LongVector"),
          Map.entry("reinterpretAsInts", "reinterpretAsLongs"),
          Map.entry("reinterpretAsFloats", "reinterpretAsDoubles"));

  /** Marks a token that stays float32 in the float64 file. */
  static final String KEEP = "/*float32*/";

  /** Opens the marker {@code /*float64=TEXT*}{@code /}: the next token becomes TEXT in the float64 file. */
  static final String REPLACE = "/*float64=";

  private static final String CAST = "(float) ";

  private Float64Twins() {}

  /** Writes every float64 twin next to its source; the one argument, if given, is the module directory. */
  public static void main(String[] args) throws IOException {
    String defaultModule = Files.isDirectory(Path.of("trainer-core")) ? "trainer-core" : ".";
    Path directory = Path.of(args.length > 0 ? args[0] : defaultModule).resolve(KERNEL_DIRECTORY);
    for (String source : SOURCES) {
      Path target = directory.resolve(twinName(source));
      String generated = generate(source, Files.readString(directory.resolve(source), StandardCharsets.UTF_8));
      Files.writeString(target, generated, StandardCharsets.UTF_8);
      System.out.println("wrote " + target);
    }
  }

  /** The file name of the float64 twin of {@code sourceName}. */
  static String twinName(String sourceName) {
    return translate(sourceName);
  }

  /**
   * The float64 twin of a float32 source: its header, then the source after its leading comment, translated.
   *
   * @param sourceName the source's file name, for the header
   * @param source the float32 source; must start with a {@code //} comment line
   */
  static String generate(String sourceName, String source) {
    if (!source.startsWith("//")) {
      throw new IllegalArgumentException(
          sourceName + " must start with a // comment line, which its generated twin replaces by a header");
    }
    int body = 0;
    while (source.startsWith("//", body)) {
      body = source.indexOf('\n', body) + 1;
    }
    return "// GENERATED by Float64Twins from " + sourceName + ": do not edit. Edit " + sourceName
        + ", then run\n"
        + "//   java trainer-core/src/test/java/org/glorotsweep/core/kernel/Float64Twins.java\n"
        + "// (Float64TwinsTest fails while this file is stale.)\n"
        + translate(source.substring(body));
  }

  /** {@code text} with every float32 token replaced by its float64 twin (see the class comment). */
  static String translate(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith(KEEP, i)) {
        int end = i + KEEP.length();
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        end = identifierEnd(text, end);
        out.append(text, i, end);
        i = end;
      } else if (text.startsWith(REPLACE, i)) {
        int close = text.indexOf("*/", i);
        int end = close + 2;
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        out.append(text, i + REPLACE.length(), close);
        i = Character.isJavaIdentifierStart(text.charAt(end)) ? qualifiedNameEnd(text, end) : numberEnd(text, end);
      } else if (text.startsWith(CAST, i)) {
        i += CAST.length();
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = identifierEnd(text, i);
        String identifier = text.substring(i, end);
        out.append(RENAMES.getOrDefault(identifier, identifier));
        i = end;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < text.length()
          && Character.isDigit(text.charAt(i + 1))) {
        int end = numberEnd(text, i);
        out.append(float64Literal(text.substring(i, end)));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int identifierEnd(String text, int start) {
    int end = start;
    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** The end of the name at {@code start}, qualified or not ({@code Integer.MIN_VALUE}). */
  private static int qualifiedNameEnd(String text, int start) {
    int end = identifierEnd(text, start);
    while (end + 1 < text.length() && text.charAt(end) == '.'
        && Character.isJavaIdentifierStart(text.charAt(end + 1))) {
      end = identifierEnd(text, end + 1);
    }
    return end;
  }

  /** The end of the number at {@code start}: digits, letters, '.', '_', and a sign after an exponent. */
  private static int numberEnd(String text, int start) {
    boolean hex = text.startsWith("0x", start) || text.startsWith("0X", start);
    int end = start;
    while (end < text.length()) {
      char c = text.charAt(end);
      boolean exponentSign =
          (c == '+' || c == '-') && end > start && (hex ? "pP" : "eE").indexOf(text.charAt(end - 1)) >= 0;
      if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && !exponentSign) {
        break;
      }
      end++;
    }
    return end;
  }

  /** {@code 0.5f} as {@code 0.5}, {@code 2f} as {@code 2.0}; any other number unchanged. */
  static String float64Literal(String number) {
    boolean hex = number.startsWith("0x") || number.startsWith("0X");
    boolean floatSuffix = number.endsWith("f") || number.endsWith("F");
    if (!floatSuffix || hex && number.chars().noneMatch(c -> c == 'p' || c == 'P')) {
      return number;
    }
    String digits = number.substring(0, number.length() - 1);
    boolean hasPointOrExponent = digits.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0);
    return hasPointOrExponent ? digits : digits + ".0";
  }
}
