package org.glorotsweep.core.data.shapeset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.glorotsweep.core.data.PixelRange;

/**
 * Writes a PNG contact sheet of labelled Shapeset-3x2 examples, like Fig. 1 of Glorot and Bengio (2010): the
 * first {@code count} examples of the validation stream of a data seed, each enlarged 4 times without
 * smoothing and captioned with its label and objects (e.g. {@code "5 tri+ell"}), in a near-square grid.
 *
 * <p>Usage: {@code java ... ShapesetContactSheet <output.png> [count, default 36] [data seed, default 0]}.
 * Runs headless; captions need one font installed.
 */
public final class ShapesetContactSheet {
  /** Each image pixel becomes ZOOM x ZOOM sheet pixels. */
  public static final int ZOOM = 4;
  /** Height of the caption band under each image. */
  public static final int CAPTION_HEIGHT = 16;
  /** Space right of and below each cell. */
  public static final int GAP = 4;
  /** Sheet pixels per grid column. */
  public static final int CELL_WIDTH = ShapesetGenerator.SIDE * ZOOM + GAP;
  /** Sheet pixels per grid row. */
  public static final int CELL_HEIGHT = ShapesetGenerator.SIDE * ZOOM + CAPTION_HEIGHT + GAP;

  private static final String USAGE = "usage: ShapesetContactSheet <output.png> [count >= 1] [data seed]";

  private ShapesetContactSheet() {}

  /** Writes the sheet; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      throw new IllegalArgumentException(USAGE);
    }
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 36;
    long dataSeed = args.length > 2 ? Long.parseLong(args[2]) : 0;
    if (count < 1) {
      throw new IllegalArgumentException(USAGE + "; got count " + count);
    }
    System.setProperty("java.awt.headless", "true");
    Path output = Path.of(args[0]);
    if (!ImageIO.write(render(count, dataSeed), "png", output.toFile())) {
      throw new IOException(output + ": this Java runtime has no PNG writer");
    }
  }

  /** The number of grid columns for {@code count} examples: ceil(sqrt(count)). */
  public static int columns(int count) {
    return (int) Math.ceil(Math.sqrt(count));
  }

  /** The number of grid rows for {@code count} examples. */
  public static int rows(int count) {
    int columns = columns(count);
    return (count + columns - 1) / columns;
  }

  /** The sheet of the first {@code count} validation examples of {@code dataSeed}. */
  public static BufferedImage render(int count, long dataSeed) {
    int columns = columns(count);
    BufferedImage sheet =
        new BufferedImage(
            columns * CELL_WIDTH, rows(count) * CELL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = sheet.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    graphics.setFont(new Font(Font.MONOSPACED, Font.PLAIN, CAPTION_HEIGHT - 4));
    ShapesetGenerator generator = new ShapesetGenerator(dataSeed, PixelRange.ZERO_TO_ONE);
    for (int k = 0; k < count; k++) {
      ShapesetImage image = generator.describe(ShapesetDataset.VALIDATION_STREAM, k);
      int left = (k % columns) * CELL_WIDTH;
      int top = (k / columns) * CELL_HEIGHT;
      drawEnlarged(image, sheet, left, top);
      graphics.setColor(Color.BLACK);
      graphics.drawString(
          image.label() + " " + image.shapesetClass().caption(),
          left + 2,
          top + ShapesetGenerator.SIDE * ZOOM + CAPTION_HEIGHT - 4);
    }
    graphics.dispose();
    return sheet;
  }

  private static void drawEnlarged(ShapesetImage image, BufferedImage sheet, int left, int top) {
    for (int y = 0; y < ShapesetGenerator.SIDE * ZOOM; y++) {
      for (int x = 0; x < ShapesetGenerator.SIDE * ZOOM; x++) {
        int grey = image.grey(x / ZOOM, y / ZOOM);
        sheet.setRGB(left + x, top + y, (grey << 16) | (grey << 8) | grey);
      }
    }
  }
}
