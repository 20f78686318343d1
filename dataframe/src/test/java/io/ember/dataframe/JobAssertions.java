package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Assertions about the jobs a piece of code submits. */
final class JobAssertions {
    private JobAssertions() {
    }

    /** Asserts that {@code body} submits no job (lazy transformations only). */
    static void assertRunsNoJob(EmberSession spark, Runnable body) throws InterruptedException {
        AtomicInteger jobs = new AtomicInteger();
        EmberListener listener = event -> {
            if (event instanceof ListenerEvent.JobStart) {
                jobs.incrementAndGet();
            }
        };
        spark.context().addListener(listener);
        try {
            body.run();
            // A marker job: events arrive in order, so once its start is seen any earlier job would be too.
            spark.context().parallelize(List.of(1), 1).count();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (jobs.get() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, jobs.get(), "only the marker job ran");
        } finally {
            spark.context().removeListener(listener);
        }
    }
}
