package io.ember.benchmarks;

import io.ember.benchmarks.support.EmberContexts;
import io.ember.benchmarks.support.ReferenceWorkload;
import io.ember.rdd.EmberContext;
import io.vavr.collection.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W8 tiny-jobs (BENCHMARKS.md): 200 consecutive jobs {@code parallelize(1..100, 2).count()},
 * reported in milliseconds per job (JMH divides each invocation by the 200 operations). Measures
 * the fixed cost of a job: scheduling, task serialization, the round trips to the executors.
 * No floor: plain Java has no jobs.
 *
 * <pre>
 * bin/ember-bench quick W8
 * java -jar benchmarks/target/benchmarks.jar W8TinyJobs -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
public class W8TinyJobs extends ReferenceWorkload {
    /** Jobs per invocation; the score is per job. */
    public static final int JOBS = 200;

    /** Elements of each job. */
    @Param("100")
    public int size;

    private EmberContext sc;
    private List<Integer> elements;

    /** Starts Ember. */
    @Setup(Level.Trial)
    public void setUp() {
        sc = EmberContexts.start("W8-tiny-jobs");
        elements = List.rangeClosed(1, size);
    }

    /** Stops Ember. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sc.close();
    }

    /** Runs the 200 jobs; the total count keeps the JIT from dropping any of them. */
    @Benchmark
    @OperationsPerInvocation(JOBS)
    public long tinyJobs() {
        return runJobs(sc, elements, JOBS);
    }

    public static long runJobs(EmberContext sc, List<Integer> elements, int jobs) {
        long total = 0;
        for (int i = 0; i < jobs; i++) {
            total += sc.parallelize(elements, 2).count();
        }
        return total;
    }
}
