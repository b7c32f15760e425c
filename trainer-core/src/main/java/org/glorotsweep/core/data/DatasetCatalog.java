package org.glorotsweep.core.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.glorotsweep.core.data.files.CifarLoader;
import org.glorotsweep.core.data.files.FileOpener;
import org.glorotsweep.core.data.files.IdxSetLoader;
import org.glorotsweep.core.data.files.LocalFileOpener;
import org.glorotsweep.core.data.files.MnistLoader;
import org.glorotsweep.core.data.shapeset.ShapesetLoader;
import org.glorotsweep.core.spec.DataSpec;

/**
 * The data sets a trial can name, and a cache of the loaded ones. Names: {@code shapeset}
 * ({@link org.glorotsweep.core.data.shapeset.ShapesetOptions}), {@code mnist} and {@code fashion-mnist}
 * ({@link MnistLoader}), {@code cifar10} ({@link CifarLoader}) and {@code idx} ({@link IdxSetLoader}).
 *
 * <p>Each distinct {@link DataSpec} is loaded at most once per catalogue, even when many trials ask for it at
 * the same moment: the first caller loads while the others wait for its result. The loaded data set (float32)
 * is then shared read-only. A failed load is not cached, so a corrected file is picked up by the next call. Keep
 * one catalogue per JVM to hold each data set once per executor.
 */
public final class DatasetCatalog implements DatasetProvider {
  private final Map<String, DatasetLoader> loaders;
  private final ConcurrentHashMap<DataSpec, CompletableFuture<Dataset>> loaded = new ConcurrentHashMap<>();

  /** A catalogue whose file-based data sets are read through {@code files}. */
  public DatasetCatalog(FileOpener files) {
    Map<String, DatasetLoader> byName = new LinkedHashMap<>();
    byName.put("shapeset", new ShapesetLoader());
    byName.put("mnist", MnistLoader.mnist(files));
    byName.put("fashion-mnist", MnistLoader.fashionMnist(files));
    byName.put("cifar10", new CifarLoader(files));
    byName.put("idx", new IdxSetLoader(files));
    this.loaders = Collections.unmodifiableMap(byName);
  }

  /** A catalogue over the local file system. */
  public static DatasetCatalog local() {
    return new DatasetCatalog(new LocalFileOpener());
  }

  /** The data set names, in catalogue order. */
  public Set<String> names() {
    return loaders.keySet();
  }

  /**
   * The input size and classes of the data set {@code spec} names, without generating it or reading its
   * examples' pixels (unless it is already loaded), with the checks that are cheap before any trial runs (see
   * {@link DatasetLoader#shape}).
   *
   * @throws IOException when a file is missing or malformed; the message names the file
   * @throws IllegalArgumentException for an unknown name or option, or a malformed option
   */
  public DatasetShape shape(DataSpec spec) throws IOException {
    CompletableFuture<Dataset> cached = loaded.get(spec);
    if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
      return DatasetShape.of(cached.join());
    }
    return loaderOf(spec).shape(spec);
  }

  /**
   * The data set {@code spec} names, loaded on first use and cached.
   *
   * @throws IOException when a file is missing or malformed; the message names the file
   * @throws IllegalArgumentException for an unknown name or option, or a malformed option
   */
  @Override
  public Dataset load(DataSpec spec) throws IOException {
    DatasetLoader loader = loaderOf(spec);
    CompletableFuture<Dataset> mine = new CompletableFuture<>();
    CompletableFuture<Dataset> theirs = loaded.putIfAbsent(spec, mine);
    if (theirs != null) {
      return await(theirs);
    }
    try {
      Dataset dataset = loader.load(spec);
      mine.complete(dataset);
      return dataset;
    } catch (Throwable failure) {
      loaded.remove(spec, mine);
      mine.completeExceptionally(failure);
      throw failure;
    }
  }

  private DatasetLoader loaderOf(DataSpec spec) {
    DatasetLoader loader = loaders.get(spec.name());
    if (loader == null) {
      throw new IllegalArgumentException(
          "data.name: unknown data set '" + spec.name() + "'; allowed: " + String.join(", ", loaders.keySet()));
    }
    return loader;
  }

  /** The result of another thread's load; its failure is rethrown as the same kind of exception. */
  private static Dataset await(CompletableFuture<Dataset> load) throws IOException {
    try {
      return load.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for a data set");
      interrupted.initCause(e);
      throw interrupted;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      if (cause instanceof IllegalArgumentException invalid) {
        throw new IllegalArgumentException(invalid.getMessage(), invalid);
      }
      throw new IllegalStateException("loading the data set failed: " + cause, cause);
    }
  }
}
