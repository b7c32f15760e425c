/**
 * Successive halving over the learning rate (Jamieson &amp; Talwalkar 2016; Li et al. 2018), on trial
 * checkpoints: within each model of a group with a {@code search}, the learning rates race in rungs of
 * u_k = min_updates x eta^k updates up to the spec's T; after each rung the best ceil(n/eta) of the n rates
 * that entered it continue from their checkpoints and the others stop. This package is the race's logic
 * only, with no Spark and no file system: the rungs' arithmetic ({@link org.glorotsweep.sweep.search.SearchPolicy}),
 * the decisions, deterministic by metric and then trial id ({@link org.glorotsweep.sweep.search.RungDecision}),
 * a race replayed from its recorded decisions ({@link org.glorotsweep.sweep.search.RaceState}), what each task
 * runs ({@link org.glorotsweep.sweep.search.Leg}) and the expected cost ({@link
 * org.glorotsweep.sweep.search.SearchPlan}). The driver's {@code spark} package runs the legs and records the
 * rung results and decisions.
 */
package org.glorotsweep.sweep.search;
