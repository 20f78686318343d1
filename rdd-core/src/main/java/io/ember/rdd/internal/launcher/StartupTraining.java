package io.ember.rdd.internal.launcher;

import io.ember.rdd.EmberContext;
import io.ember.rdd.PairRDD;
import io.vavr.Tuple;
import io.vavr.collection.List;

/**
 * The launchers' training run for their class-data-sharing archive (bin/lib/cds.sh): a JVM
 * started with {@code -XX:ArchiveClassesAtExit} runs this, and the classes it loaded are what
 * later launches map from the archive instead of loading. It does what a first job does: start
 * a {@code local[2]} context (its web UI on any free port, so it never takes 4040 from a real
 * application), run a narrow job and a shuffle, and stop. It writes no output, so it is safe to
 * run in the background at any time.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    /**
     * Runs the training jobs; exits with status 1 if a job gives a wrong answer, so that the
     * launcher keeps no archive made by a broken run.
     */
    public static void main(String[] args) {
        long count;
        long evenSum;
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("ember-cds-training")
                .config("ember.ui.port", 0L).getOrCreate()) {
            count = sc.parallelize(List.rangeClosed(1, 10)).count();
            PairRDD<Boolean, Long> byParity = PairRDD.of(sc.parallelize(List.rangeClosed(1L, 10L))
                    .map(x -> Tuple.of(x % 2 == 0, x)));
            evenSum = byParity.reduceByKey(Long::sum).collectAsMap().get(true).getOrElse(0L);
        }
        if (count != 10 || evenSum != 30) {
            System.err.println("training run: counted " + count + " (expected 10), even sum " + evenSum
                    + " (expected 30)");
            System.exit(1);
        }
    }
}
