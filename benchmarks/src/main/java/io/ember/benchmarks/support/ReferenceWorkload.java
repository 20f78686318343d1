package io.ember.benchmarks.support;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measurement settings every reference workload shares (JMH reads these annotations from
 * the superclass): the "full" run, two forks as BENCHMARKS.md's "medians of two runs".
 * {@code bin/ember-bench quick} overrides the counts and times, never the mode.
 *
 * <p>Sample-time mode because the published figures are medians of single jobs: JMH keeps every
 * invocation's time, and the report reads the 50th percentile. Each fork gets a fixed 2 GB heap
 * ceiling, so the memory figures do not depend on how much RAM the machine has.
 *
 * <p>A workload is one class {@code W<n><Name>} in {@code io.ember.benchmarks}: it extends this
 * class, is a {@code @State(Scope.Benchmark)}, takes its input size (and data directory) as
 * {@code @Param}s, an {@link Engine} {@code @Param engine} if it has a plain-Java floor, builds
 * its inputs with {@link BenchmarkData} in a trial-level {@code @Setup}, and states its exact
 * run command in its Javadoc.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class ReferenceWorkload {
}
