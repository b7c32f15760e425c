/**
 * What a reader of the paper looks at first: model selection as the paper did it (the {@code lr_grid} and
 * {@code selected} SQL views), the paper's Table 1 shipped as data and set beside ours, and the static HTML
 * report with one table or figure per paper result the sweep has data for. Everything here is Spark SQL over
 * the registered result views; only small aggregated results reach the driver.
 */
package org.glorotsweep.sweep.report;
