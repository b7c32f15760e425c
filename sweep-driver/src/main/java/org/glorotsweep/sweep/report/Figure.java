package org.glorotsweep.sweep.report;

/**
 * One figure of the report: the paper figure it reproduces, a caption, and the SQL that makes its data. The
 * query returns the columns {@code panel, series, x, y} ordered by them; each panel is drawn as one line
 * chart with one line per series.
 *
 * @param id file name of its CSV and HTML anchor
 * @param paperFigure the paper figure(s) it reproduces, e.g. "Fig. 11 and 12"
 * @param title what it shows
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param allRepeats true when it draws every repeat of each model's selected learning rate, false when only
 *     the first
 * @param sql the query, over the registered views and {@code selected_trials}
 * @param trialsSql the query of the ids of the trials whose rows the figure draws (column {@code trial_id})
 */
record Figure(String id, String paperFigure, String title, String xLabel, String yLabel, boolean allRepeats,
    String sql, String trialsSql) {}
