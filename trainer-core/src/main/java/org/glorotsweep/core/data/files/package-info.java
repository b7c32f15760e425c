/**
 * Data sets people bring as files: MNIST and Fashion-MNIST (IDX, raw or gzip), CIFAR-10 (binary batches) and any
 * IDX data set, each split as the paper does (paper-spec section 2). Readers take streams from a {@link
 * org.glorotsweep.core.data.files.FileOpener}, so this package never touches Hadoop: {@link
 * org.glorotsweep.core.data.files.LocalFileOpener} serves local paths and the Spark driver supplies one over the
 * Hadoop FileSystem API. Each file is read once, its SHA-256 computed on the way for the fingerprint, and any
 * missing or malformed file fails with a {@link org.glorotsweep.core.data.files.DataFileException} naming it and
 * what is wrong, before any training starts. Each loader's {@code shape} runs the checks that are cheap enough for
 * the driver before any trial runs (headers against file lengths, labels, counts, split sizes; no pixels read),
 * and attributes a problem to the data set option at fault.
 */
package org.glorotsweep.core.data.files;
