package org.glorotsweep.core.data.shapeset;

import org.glorotsweep.core.data.TrainingStream;

/**
 * Online training on Shapeset: examples 0, 1, 2, ... of one training stream, each generated when it is needed,
 * so no example is ever seen twice and every batch is full.
 */
final class OnlineShapesetStream implements TrainingStream {
  private final ShapesetGenerator generator;
  private final long stream;
  private long nextIndex;

  OnlineShapesetStream(ShapesetGenerator generator, long stream) {
    this.generator = generator;
    this.stream = stream;
  }

  @Override
  public int nextBatch(int maxRows, float[] features, int[] labels) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + maxRows);
    }
    for (int row = 0; row < maxRows; row++) {
      labels[row] = generator.generate(stream, nextIndex++, features, row);
    }
    return maxRows;
  }

  /** The index of the next example to generate. */
  @Override
  public long examplesDrawn() {
    return nextIndex;
  }

  /** Moves to example {@code examples}: examples are generated from their index alone, so nothing is replayed. */
  @Override
  public void skip(long examples) {
    if (nextIndex != 0) {
      throw new IllegalStateException("only a fresh stream can skip, this one drew " + nextIndex);
    }
    if (examples < 0) {
      throw new IllegalArgumentException("cannot skip " + examples + " examples");
    }
    nextIndex = examples;
  }

  /** The stream id, for tests. */
  long stream() {
    return stream;
  }
}
