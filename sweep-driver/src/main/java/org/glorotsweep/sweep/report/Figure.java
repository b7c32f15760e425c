package org.glorotsweep.sweep.report;

/**
 * One figure of the report: what it shows and where it comes from, and the SQL that makes its data. The query
 * returns the columns {@code panel, series, x, y} ordered by them, then any further columns, which go to the
 * figure's CSV only; each panel is drawn as one line chart with one line per series.
 *
 * @param id file name of its CSV and HTML anchor
 * @param label the heading's prefix: the paper figure(s) it reproduces, e.g. "Fig. 11 and 12", or what else
 *     it is
 * @param title what it shows
 * @param about the caption's first sentence: the paper figure it reproduces, or what it is when it is not one
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param drawn which trials it draws, in words, e.g. "every repeat of each model at its selected learning rate"
 * @param sql the query, over the registered views and {@code selected_trials}
 * @param trialsSql the query of the ids of the trials whose rows the figure draws (column {@code trial_id})
 */
record Figure(String id, String label, String title, String about, String xLabel, String yLabel, String drawn,
    String sql, String trialsSql) {}
