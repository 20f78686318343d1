package io.ember.examples;

import io.ember.rdd.EmberContext;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Estimates pi by throwing random points at a square and counting those inside the circle, as
 * Spark's {@code SparkPi} does.
 *
 * <pre>
 * bin/ember-example pi [slices]
 * </pre>
 */
public final class Pi {
    private Pi() {
    }

    /** Runs the job; the optional argument is the number of slices (partitions), default 8. */
    public static void main(String[] args) {
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        long points = 2_000_000L * slices;
        try (EmberContext sc = EmberContext.builder().appName("pi").getOrCreate()) {
            System.out.println("Ember web UI at " + sc.uiWebUrl().getOrElse("(disabled)"));
            long inside = sc.range(0, points, 1, slices).filter(i -> {
                double x = ThreadLocalRandom.current().nextDouble(-1, 1);
                double y = ThreadLocalRandom.current().nextDouble(-1, 1);
                return x * x + y * y <= 1;
            }).count();
            System.out.printf("Pi is roughly %.5f (%,d points in %d slices)%n", 4.0 * inside / points, points, slices);
        }
    }
}
