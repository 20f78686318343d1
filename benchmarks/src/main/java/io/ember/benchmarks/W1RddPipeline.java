package io.ember.benchmarks;

import io.ember.benchmarks.support.EmberContexts;
import io.ember.benchmarks.support.Engine;
import io.ember.benchmarks.support.ReferenceWorkload;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W1 rdd-pipeline (BENCHMARKS.md): {@code range} of 1..{@code size} in 8 partitions,
 * {@code map(x -> x * 2L)}, {@code filter(x % 3 == 0)}, then {@code sum} and {@code count}, two
 * jobs as a user would write them. Floor: the same two passes over a parallel {@link LongStream}.
 * Measures the per-element cost of narrow transformations: boxing, function calls, iterators.
 *
 * <pre>
 * bin/ember-bench quick W1
 * java -jar benchmarks/target/benchmarks.jar W1RddPipeline -prof gc -p size=10000000
 * </pre>
 */
@State(Scope.Benchmark)
public class W1RddPipeline extends ReferenceWorkload {
    /** Partitions of the range, as the workload prescribes (more than the two executors on purpose). */
    static final int PARTITIONS = 8;

    /** The range's last element. */
    @Param("10000000")
    public long size;

    /** Ember, or the {@code LongStream} floor. */
    @Param
    public Engine engine;

    private EmberContext sc;

    /** The two answers of the workload. */
    public record SumAndCount(long sum, long count) {
    }

    /** Starts Ember for the trial (the floor needs nothing). */
    @Setup(Level.Trial)
    public void setUp() {
        if (engine == Engine.EMBER) {
            sc = EmberContexts.start("W1-rdd-pipeline");
        }
    }

    /** Stops Ember. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (sc != null) {
            sc.close();
        }
    }

    /** The sum, then the count, of the doubled multiples of three. */
    @Benchmark
    public SumAndCount sumAndCount() {
        return engine == Engine.EMBER ? onEmber(sc, size) : onParallelStream(size);
    }

    /** The pipeline as an Ember user writes it: one lazy RDD, two actions. */
    public static SumAndCount onEmber(EmberContext sc, long size) {
        RDD<Long> doubled = sc.range(1, size + 1, 1, PARTITIONS).map(x -> x * 2L).filter(x -> x % 3 == 0);
        return new SumAndCount(doubled.fold(0L, Long::sum), doubled.count());
    }

    /** The floor: primitive longs on the common fork-join pool, no engine. */
    static SumAndCount onParallelStream(long size) {
        Supplier<LongStream> doubled =
                () -> LongStream.rangeClosed(1, size).parallel().map(x -> x * 2L).filter(x -> x % 3 == 0);
        return new SumAndCount(doubled.get().sum(), doubled.get().count());
    }
}
