/**
 * Shapeset-3x2, the paper's main data set (Glorot and Bengio 2010, section 2.1 and Fig. 1): 32 x 32 grey images
 * of one or two objects (triangle, parallelogram, ellipse), 9 classes. {@link
 * org.glorotsweep.core.data.shapeset.ShapesetGenerator} draws example k of stream s as a pure function of
 * (data seed, s, k), step by step as the authors' generator does, with their overlap rule and their polygon fill
 * ({@code PolygonFill}); {@link
 * org.glorotsweep.core.data.shapeset.ShapesetDataset} serves fresh examples online (or a fixed finite training
 * set) and fixed validation and test sets from disjoint streams; {@link
 * org.glorotsweep.core.data.shapeset.ShapesetContactSheet} draws a labelled sample sheet as a PNG.
 */
package org.glorotsweep.core.data.shapeset;
