package io.ember.rdd;

import io.vavr.collection.Iterator;

/** Test failures in the middle of a partition, as issue 17's example injects them. */
public final class HalfWayFailure {
    private HalfWayFailure() {
    }

    /** {@code elements}, except that asking for the element at {@code index} throws "boom". */
    public static <T> Iterator<T> throwingAt(Iterator<T> elements, long index) {
        return elements.zipWithIndex().map(t -> {
            if (t._2 == index) {
                throw new IllegalStateException("boom");
            }
            return t._1;
        });
    }
}
