package io.ember.benchmarks;

import io.ember.benchmarks.support.ChildJvm;
import io.ember.benchmarks.support.EmberContexts;
import io.ember.benchmarks.support.Engine;
import io.ember.benchmarks.support.ReferenceWorkload;
import io.ember.rdd.EmberContext;
import io.vavr.collection.List;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W9 startup (BENCHMARKS.md): a new JVM builds a {@code local[2]} context, counts 10 elements
 * and exits; the score is the whole process's wall time, from starting {@code java} to its exit,
 * as a user's shell would see it. Floor: a JVM with the same class path whose {@code main} does
 * nothing. Measures class loading, Akka and Kryo start-up, the first job, and a clean shutdown
 * (a context that leaves a non-daemon thread behind makes this benchmark time out). The memory
 * figure is the child's peak resident set.
 *
 * <pre>
 * bin/ember-bench quick W9
 * java -jar benchmarks/target/benchmarks.jar W9Startup
 * </pre>
 */
@State(Scope.Benchmark)
public class W9Startup extends ReferenceWorkload {
    /** The child runs {@link FirstJob}, or {@link EmptyMain} for the floor. */
    @Param
    public Engine engine;

    /** Runs one child JVM to its exit, and returns its exit code (always 0: a failure throws). */
    @Benchmark
    public int startAndExit() throws IOException, InterruptedException {
        return ChildJvm.run(engine == Engine.EMBER ? FirstJob.class : EmptyMain.class);
    }

    /** The child program: the smallest complete Ember application. */
    public static final class FirstJob {
        private FirstJob() {
        }

        /** Builds the context, counts 10 elements, closes it, reports its memory; exits 1 on a wrong count. */
        public static void main(String[] args) {
            long count;
            try (EmberContext sc = EmberContexts.start("W9-startup")) {
                count = sc.parallelize(List.rangeClosed(1, 10)).count();
            }
            if (count != 10) {
                System.err.println("counted " + count + " elements instead of 10");
                System.exit(1);
            }
            ChildJvm.reportPeakRss();
        }
    }

    /** The floor's child program: a JVM that starts and exits. */
    public static final class EmptyMain {
        private EmptyMain() {
        }

        /** Only reports its memory, as the Ember child does. */
        public static void main(String[] args) {
            ChildJvm.reportPeakRss();
        }
    }
}
