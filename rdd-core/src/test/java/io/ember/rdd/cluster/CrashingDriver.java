package io.ember.rdd.cluster;

import io.ember.rdd.EmberContext;
import io.ember.rdd.ListenerEvent;
import io.vavr.collection.List;

/**
 * A driver program that ClusterModeTest runs in its own JVM and kills with kill -9 while its
 * job runs: {@code CrashingDriver <seed host:port>}. Prints RUNNING once its four tasks have been launched.
 */
public final class CrashingDriver {
    private CrashingDriver() {
    }

    /** Joins the cluster at {@code args[0]} and runs a job that takes a minute. */
    public static void main(String[] args) {
        EmberContext sc = EmberContext.builder().master("ember://" + args[0]).appName("crash-driver")
                .config("ember.ui.enabled", "false").getOrCreate();
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        sc.addListener(event -> {
            if (event instanceof ListenerEvent.TaskStart && started.incrementAndGet() == 4) {
                System.out.println("RUNNING");
            }
        });
        sc.parallelize(List.range(0, 4), 4).map(x -> {
            ClusterModeTest.pause(60_000);
            return x;
        }).collect();
        System.out.println("the job was not supposed to finish");
    }
}
