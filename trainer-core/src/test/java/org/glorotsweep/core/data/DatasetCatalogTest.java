package org.glorotsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.glorotsweep.core.data.files.DataFileFixtures;
import org.glorotsweep.core.data.files.FileOpener;
import org.glorotsweep.core.data.files.LocalFileOpener;
import org.glorotsweep.core.spec.DataSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {
  @TempDir Path directory;

  private final CountingOpener files = new CountingOpener();
  private final DatasetCatalog catalog = new DatasetCatalog(files);

  /** Counts the opens of, and the bytes read from, each location. */
  private static final class CountingOpener implements FileOpener {
    private final FileOpener local = new LocalFileOpener();
    final Map<String, AtomicLong> opens = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> bytesRead = new ConcurrentHashMap<>();

    @Override
    public InputStream open(String location) throws IOException {
      opens.computeIfAbsent(location, key -> new AtomicLong()).incrementAndGet();
      AtomicLong bytes = bytesRead.computeIfAbsent(location, key -> new AtomicLong());
      return new FilterInputStream(local.open(location)) {
        @Override
        public int read() throws IOException {
          int value = super.read();
          bytes.addAndGet(value < 0 ? 0 : 1);
          return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int count = super.read(buffer, offset, length);
          bytes.addAndGet(Math.max(count, 0));
          return count;
        }
      };
    }

    @Override
    public boolean exists(String location) throws IOException {
      return local.exists(location);
    }

    @Override
    public long length(String location) throws IOException {
      return local.length(location);
    }

    long totalOpens() {
      return opens.values().stream().mapToLong(AtomicLong::get).sum();
    }
  }

  @BeforeEach
  void writeIdxFiles() {
    for (String split : List.of("train", "valid", "test")) {
      DataFileFixtures.write(directory.resolve(split + "-x.idx"), DataFileFixtures.images(1500, 8, 8), false);
      DataFileFixtures.write(directory.resolve(split + "-y.idx"), DataFileFixtures.labels(1500, 3), false);
    }
  }

  private DataSpec idx(Map<String, String> extra) {
    TreeMap<String, String> options = new TreeMap<>(extra);
    options.put("path", directory.toString());
    for (String split : List.of("train", "validation", "test")) {
      String file = split.equals("validation") ? "valid" : split;
      options.put(split + "_images", file + "-x.idx");
      options.put(split + "_labels", file + "-y.idx");
    }
    return new DataSpec("idx", options);
  }

  private static DataSpec smallShapeset(String dataSeed) {
    return new DataSpec(
        "shapeset", new TreeMap<>(Map.of("data_seed", dataSeed, "validation_size", "50", "test_size", "50")));
  }

  @Test
  void namesAreTheFiveDataSets() {
    assertEquals(List.of("shapeset", "mnist", "fashion-mnist", "cifar10", "idx"), List.copyOf(catalog.names()));
  }

  @Test
  void equalSpecsShareOneLoadedDataSet() throws IOException {
    Dataset first = catalog.load(smallShapeset("1"));
    assertSame(first, catalog.load(smallShapeset("1")));
    assertNotSame(first, catalog.load(smallShapeset("2")));
  }

  @Test
  void shapeReadsTheLabelsButNotThePixels() throws IOException {
    assertEquals(new DatasetShape(1024, 9), catalog.shape(smallShapeset("1")));
    assertEquals(new DatasetShape(64, 5), catalog.shape(idx(Map.of("classes", "5"))));
    for (String split : List.of("train", "valid", "test")) {
      Path images = directory.resolve(split + "-x.idx");
      Path labels = directory.resolve(split + "-y.idx");
      assertTrue(
          files.bytesRead.get(images.toString()).get() < Files.size(images),
          "read " + files.bytesRead.get(images.toString()) + " bytes of " + images);
      assertEquals(Files.size(labels), files.bytesRead.get(labels.toString()).get(), "bytes read of " + labels);
    }
  }

  @Test
  void concurrentLoadsReadTheFilesOnce() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Dataset>> loads = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        loads.add(
            () -> {
              start.await();
              return catalog.load(idx(Map.of()));
            });
      }
      List<Future<Dataset>> results = new ArrayList<>();
      for (Callable<Dataset> load : loads) {
        results.add(pool.submit(load));
      }
      start.countDown();
      Dataset first = results.get(0).get();
      for (Future<Dataset> result : results) {
        assertSame(first, result.get());
      }
      assertEquals(3, first.classes());
      assertEquals(6, files.totalOpens());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedLoadIsNotCached() throws IOException {
    Path labels = directory.resolve("test-y.idx");
    Files.delete(labels);
    IOException missing = assertThrows(IOException.class, () -> catalog.load(idx(Map.of())));
    assertTrue(missing.getMessage().contains(labels + ": file not found"), missing.getMessage());
    DataFileFixtures.write(labels, DataFileFixtures.labels(1500, 3), false);
    assertEquals(1500, catalog.load(idx(Map.of())).test().size());
  }
}
