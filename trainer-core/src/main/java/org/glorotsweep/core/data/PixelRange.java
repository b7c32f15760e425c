package org.glorotsweep.core.data;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * How an 8-bit grey level g in 0..255 becomes a network input. Both ranges start from p = g / 255, the
 * scaling every data set in the paper uses; Shapeset's generator then maps p to 2p - 1 (paper-spec section 2,
 * step 7), while MNIST and CIFAR-10 keep p in [0, 1]. Each mapping is evaluated in double and rounded once to
 * float32, into a 256-entry table.
 */
public enum PixelRange {
  /** x = 2 g / 255 - 1, in [-1, 1]: the Shapeset generator's own mapping and this project's default for it. */
  MINUS_ONE_TO_ONE("minus_one_to_one", grey -> 2.0 * grey / 255.0 - 1.0),
  /** x = g / 255, in [0, 1]: the scaling of MNIST and CIFAR-10. */
  ZERO_TO_ONE("zero_to_one", grey -> grey / 255.0);

  private final String configName;
  private final float[] valueOfGrey = new float[256];

  PixelRange(String configName, IntToDoubleFunction mapping) {
    this.configName = configName;
    for (int grey = 0; grey < valueOfGrey.length; grey++) {
      valueOfGrey[grey] = (float) mapping.applyAsDouble(grey);
    }
  }

  /** The name used in data set options, e.g. {@code pixel_range: zero_to_one}. */
  public String configName() {
    return configName;
  }

  /** The input value of grey level {@code grey} (0..255), as float32. */
  public float value(int grey) {
    return valueOfGrey[grey];
  }

  /**
   * dest[destPos + i] = value(source[sourcePos + i] read as unsigned), for i in [0, length).
   *
   * @param source grey levels, read as unsigned bytes. Not modified.
   * @param dest receives the input values. Modified.
   */
  public void scale(byte[] source, int sourcePos, float[] dest, int destPos, int length) {
    for (int i = 0; i < length; i++) {
      dest[destPos + i] = valueOfGrey[source[sourcePos + i] & 0xff];
    }
  }

  /**
   * The constant whose {@link #configName()} is {@code name}.
   *
   * @param field the option's key path, for the error message
   * @throws IllegalArgumentException naming the field, the value and the allowed names
   */
  public static PixelRange named(String field, String name) {
    for (PixelRange range : values()) {
      if (range.configName.equals(name)) {
        return range;
      }
    }
    throw new IllegalArgumentException(
        field + ": '" + name + "' is not allowed; expected one of "
            + String.join(", ", Arrays.stream(values()).map(PixelRange::configName).toList()));
  }
}
