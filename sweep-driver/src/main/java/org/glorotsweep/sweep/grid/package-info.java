/**
 * Expansion of a sweep's groups into trials, in the order the sweep file is written. A {@link
 * org.glorotsweep.sweep.grid.TrialGroup} lists, axis by axis, the values a group takes; the {@link
 * org.glorotsweep.sweep.grid.Expander} forms their cartesian product (first axis slowest, last fastest, like
 * nested loops written top to bottom), builds each trial's {@link org.glorotsweep.core.spec.TrialSpec} with
 * the input size and class count that {@link org.glorotsweep.sweep.grid.DataShapes} reports, and gives it an
 * identity that does not depend on where or in which file it was written: its id is a hash of its canonical
 * spec ({@link org.glorotsweep.sweep.grid.TrialIdentity}), and its seed is derived from the sweep seed and that
 * id, so results never depend on order or partitioning. {@link org.glorotsweep.sweep.grid.CostModel} says what
 * decides a trial's cost, to run the longest first; {@link org.glorotsweep.sweep.grid.SweepEstimate} prices
 * every trial from costs measured once per trial shape (a {@link org.glorotsweep.sweep.grid.TrialCostSource}).
 * A sweep is capped at {@link org.glorotsweep.sweep.grid.Expander#MAX_TRIALS_PER_SWEEP} trials. Problems are reported with the key
 * path of the value that caused them through a {@link org.glorotsweep.sweep.grid.ProblemSink}; nothing here
 * reads YAML or touches Spark.
 */
package org.glorotsweep.sweep.grid;
