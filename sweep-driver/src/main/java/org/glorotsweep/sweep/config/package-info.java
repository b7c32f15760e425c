/**
 * Sweep files: YAML in {@code conf/} read into a validated {@link org.glorotsweep.sweep.config.SweepConfig}
 * before anything runs. {@link org.glorotsweep.sweep.config.SweepConfigLoader} loads the file safely into plain
 * maps and lists (keeping the written order of keys), reads the top-level keys, the {@code common} block and
 * each group, checking every value with the trial spec records' own rules, merges common into each group
 * (group keys override common's; the resulting key order is the expansion order), and hands the groups to
 * {@link org.glorotsweep.sweep.grid.Expander}. Every problem found on the way (unknown keys, wrong types,
 * out-of-range values, missing keys, incompatible combinations, YAML syntax, unreadable data) is collected and
 * thrown as one {@link org.glorotsweep.sweep.config.ConfigException}, each line naming the file, the key path
 * (such as {@code groups[1].activation[2]}), the value and what is allowed. Nothing here touches Spark or
 * writes anything.
 */
package org.glorotsweep.sweep.config;
