package org.glorotsweep.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.glorotsweep.core.data.files.DataFileException;
import org.junit.jupiter.api.Test;

class RetriesTest {

  @Test
  void brokenDataFilesAreNotRetriedEvenWhenWrapped() {
    DataFileException truncated = new DataFileException("/data/x", "truncated: the header declares 5x28x28");
    assertFalse(Retries.mayCure(truncated));
    assertFalse(Retries.mayCure(new DataFileException("/data/x", new FileNotFoundException("/data/x"))));
    assertFalse(Retries.mayCure(new IOException(truncated.getMessage(), truncated)), "as another task's load");
  }

  @Test
  void theFileSystemsOwnFailuresAndMemoryMayPass() {
    assertTrue(Retries.mayCure(new DataFileException("hdfs://nn/x", new SocketTimeoutException("read timed out"))));
    assertTrue(Retries.mayCure(new IOException("Connection reset by peer")));
    assertTrue(Retries.mayCure(new OutOfMemoryError("Java heap space")));
  }
}
