package org.glorotsweep.core.data.shapeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.glorotsweep.core.data.PixelRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesetContactSheetTest {
  @TempDir Path directory;

  @Test
  void writesAReadablePngOfTheGrid() throws IOException {
    Path output = directory.resolve("sheet.png");
    ShapesetContactSheet.main(new String[] {output.toString(), "10", "3"});
    BufferedImage sheet = ImageIO.read(output.toFile());
    assertEquals(4 * ShapesetContactSheet.CELL_WIDTH, sheet.getWidth());
    assertEquals(3 * ShapesetContactSheet.CELL_HEIGHT, sheet.getHeight());
    ShapesetImage first =
        new ShapesetGenerator(3, PixelRange.ZERO_TO_ONE).describe(ShapesetDataset.VALIDATION_STREAM, 0);
    int grey = first.backgroundGrey();
    assertEquals((grey << 16) | (grey << 8) | grey, sheet.getRGB(1, 1) & 0xffffff);
    assertNotEquals(0xffffff, sheet.getRGB(4 * ShapesetContactSheet.ZOOM, 4 * ShapesetContactSheet.ZOOM) & 0xffffff);
  }

  @Test
  void rejectsMissingArguments() {
    assertThrows(IllegalArgumentException.class, () -> ShapesetContactSheet.main(new String[0]));
  }
}
