package io.ember.rdd.cluster;

import io.ember.rdd.EmberContext;
import io.vavr.collection.List;
import java.util.concurrent.TimeUnit;

/**
 * A driver program that ClusterModeTest runs in its own JVM and stalls (SIGSTOP) until the
 * cluster removes it: {@code StallingDriver <seed host:port>}. Prints READY after a first job,
 * then runs small jobs in a loop and prints how each failure came ({@code JOB FAILED after <ms>
 * ms: <message>}); once the context has stopped, it tries one more job and prints {@code NEXT JOB
 * FAILED after <ms> ms: <message>}. It gives up after a minute.
 */
public final class StallingDriver {
    private StallingDriver() {
    }

    /** Joins the cluster at {@code args[0]} and keeps running jobs. */
    public static void main(String[] args) throws InterruptedException {
        EmberContext sc = EmberContext.builder().master("ember://" + args[0]).appName("stalling-driver")
                .config("ember.ui.enabled", "false").getOrCreate();
        System.out.println("READY " + sc.parallelize(List.range(0, 4), 4).count());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            try {
                sc.parallelize(List.range(0, 3), 3).count();
            } catch (RuntimeException e) {
                System.out.println("JOB FAILED after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e.getMessage());
                if (sc.isStopped()) {
                    long next = System.nanoTime();
                    try {
                        sc.parallelize(List.range(0, 3), 3).count();
                        System.out.println("the stopped context ran a job");
                    } catch (RuntimeException stopped) {
                        System.out.println("NEXT JOB FAILED after " + (System.nanoTime() - next) / 1_000_000 + " ms: "
                                + stopped.getMessage());
                    }
                    return;
                }
            }
            Thread.sleep(100);
        }
        System.out.println("the context did not stop");
    }
}
