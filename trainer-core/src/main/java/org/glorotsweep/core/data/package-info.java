/**
 * Data sets for the trials (Glorot and Bengio 2010, section 2; paper-spec section 2): a {@link
 * org.glorotsweep.core.data.Dataset} gives a trial its input size and classes, a fingerprint for provenance,
 * fixed validation and test sets held once as float32 ({@link org.glorotsweep.core.data.LabeledSet}), and a
 * {@link org.glorotsweep.core.data.TrainingStream} of mini-batches that is a pure function of the trial's
 * data-order random stream: online for Shapeset, shuffled epochs ({@link
 * org.glorotsweep.core.data.ShuffledEpochStream}) for finite sets. The {@link
 * org.glorotsweep.core.data.DatasetCatalog} maps the names a config uses (shapeset, mnist, fashion-mnist,
 * cifar10, idx) to loaders, checks their options, reports a data set's shape without reading it, and caches each
 * loaded data set once per JVM; the generator lives in {@code data.shapeset}, the file readers in
 * {@code data.files}.
 */
package org.glorotsweep.core.data;
