package io.ember.rdd.cluster;

import io.ember.rdd.EmberContext;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A driver program that FailedStartTest runs in its own JVM: {@code FailingStartsDriver <free port>}.
 * It starts five contexts that each fail in another way (no cluster secret, a bad setting, a
 * taken port, an unreachable seed; and a local one with a bad storage setting, found once its
 * executors run), all with the web UI on, prints each failure on a line
 * starting with {@code FAILED:} and then {@code MAIN RETURNS}, and returns from {@code main}:
 * the JVM must then exit by itself. Its environment has no cluster secret; the scenarios that
 * need one set it in their settings.
 */
public final class FailingStartsDriver {
    private FailingStartsDriver() {
    }

    /** Runs the failing starts; the cluster ones against 127.0.0.1:{@code args[0]}, where nothing listens. */
    public static void main(String[] args) throws Exception {
        String nobody = "ember://127.0.0.1:" + args[0];
        failingStart("no secret", EmberContext.builder().master(nobody));
        failingStart("bad setting", EmberContext.builder().master(nobody)
                .config("ember.cluster.secret", WorkerJvms.SECRET).config("ember.cluster.dataPort", "not-a-port"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            failingStart("port taken", EmberContext.builder().master(nobody)
                    .config("ember.cluster.secret", WorkerJvms.SECRET)
                    .config("ember.cluster.dataPort", Integer.toString(taken.getLocalPort())));
        }
        failingStart("unreachable seed", EmberContext.builder().master(nobody)
                .config("ember.cluster.secret", WorkerJvms.SECRET).config("ember.cluster.joinTimeout", "4s"));
        failingStart("bad local setting", EmberContext.builder().master("local[2]").config("ember.storage.memory", "lots"));
        System.out.println("MAIN RETURNS " + System.currentTimeMillis());
    }

    private static void failingStart(String scenario, EmberContext.Builder builder) {
        long start = System.currentTimeMillis();
        try {
            builder.appName("failing-start").config("ember.ui.port", "0").getOrCreate();
            System.out.println("STARTED although it should not: " + scenario);
        } catch (RuntimeException e) {
            System.out.println("FAILED: " + scenario + " after " + (System.currentTimeMillis() - start) + " ms: " + e);
        }
    }
}
