package org.glorotsweep.core.testing;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every hand-run benchmark shares (JMH applies a superclass's annotations to its
 * subclasses): average time per call; 5 warm-up iterations of 2 s, enough for C2 to compile the Vector API
 * kernels (interpreted, a step of the paper's network takes seconds); 5 measured iterations of 2 s; one fork
 * with the Vector API module, as trials run. Override any of them on the command line ({@code -wi}, {@code -i},
 * {@code -f}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public abstract class HandRunBench {}
