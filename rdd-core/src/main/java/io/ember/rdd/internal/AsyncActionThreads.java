package io.ember.rdd.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that finish asynchronous actions on the driver once their job is done (writing
 * requested checkpoints, which runs further jobs), so that the scheduler's event loop never
 * blocks on them. Daemon threads, created on demand and gone after a minute idle.
 */
public final class AsyncActionThreads {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static final Executor EXECUTOR = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "ember-async-action-" + NEXT_ID.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private AsyncActionThreads() {
    }

    /** The executor that runs the driver-side ends of asynchronous actions. */
    public static Executor executor() {
        return EXECUTOR;
    }
}
