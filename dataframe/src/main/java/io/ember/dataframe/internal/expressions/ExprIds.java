package io.ember.dataframe.internal.expressions;

import java.util.concurrent.atomic.AtomicLong;

/** Allocates expression ids, unique within the JVM. */
public final class ExprIds {
    private static final AtomicLong NEXT = new AtomicLong();

    private ExprIds() {
    }

    /** A fresh id. */
    public static long next() {
        return NEXT.getAndIncrement();
    }
}
