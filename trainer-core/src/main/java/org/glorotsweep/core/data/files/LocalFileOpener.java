package org.glorotsweep.core.data.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A {@link FileOpener} for the local file system: locations are paths, or {@code file:} URIs. */
public final class LocalFileOpener implements FileOpener {

  @Override
  public InputStream open(String location) throws IOException {
    try {
      return Files.newInputStream(path(location));
    } catch (NoSuchFileException e) {
      throw missing(location, e);
    }
  }

  @Override
  public boolean exists(String location) {
    return Files.isRegularFile(path(location));
  }

  @Override
  public long length(String location) throws IOException {
    try {
      return Files.size(path(location));
    } catch (NoSuchFileException e) {
      throw missing(location, e);
    }
  }

  private static Path path(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }

  private static FileNotFoundException missing(String location, NoSuchFileException cause) {
    FileNotFoundException missing = new FileNotFoundException(location + ": no such file");
    missing.initCause(cause);
    return missing;
  }
}
