package io.ember.rdd.internal.ui.status;

import java.util.Iterator;
import java.util.function.Predicate;

/**
 * How much history the UI keeps: the newest {@value #RETAINED} jobs, stage attempts and (in
 * extensions) SQL executions, as Spark's {@code spark.ui.retainedJobs} does, so that a
 * long-running application does not grow without bound.
 */
public final class Retention {
    /** How many entries of each kind are kept. */
    public static final int RETAINED = 1000;

    private Retention() {
    }

    /**
     * Drops the oldest finished entries while there are more than {@link #RETAINED}.
     *
     * @param oldestFirst an iterator over the entries, oldest first, that supports {@code remove}
     * @param size how many entries there are
     * @param finished which entries may be dropped (running ones are kept)
     */
    public static <E> void trim(Iterator<E> oldestFirst, int size, Predicate<E> finished) {
        int excess = size - RETAINED;
        while (excess > 0 && oldestFirst.hasNext()) {
            if (finished.test(oldestFirst.next())) {
                oldestFirst.remove();
                excess--;
            }
        }
    }
}
