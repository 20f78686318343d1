package io.ember.rdd.internal.storage;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what the driver can no longer use, as Spark's ContextCleaner: when an RDD that owns
 * shuffle files, a persisted RDD or a broadcast variable becomes unreachable in the application
 * and is garbage-collected, its clean-up runs (the shuffle files, cached blocks or broadcast
 * copies are deleted on every executor).
 *
 * <p>Design notes. Each registration is a phantom reference with its clean-up, held in
 * {@code pending} until it runs; the clean-up must not refer to the object it cleans up after,
 * or that object would never become unreachable. One daemon thread, {@code ember-cleaner},
 * owns the reference queue and runs clean-ups; {@link #stop()} ends it.
 */
public final class ContextCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(ContextCleaner.class);

    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Map<Reference<?>, Runnable> pending = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    ContextCleaner() {
        thread = new Thread(this::run, "ember-cleaner");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code cleanup} once {@code owner} has been garbage-collected. */
    public void register(Object owner, Runnable cleanup) {
        pending.put(new PhantomReference<>(owner, queue), cleanup);
    }

    /** How many clean-ups are waiting for their owner to be collected; for tests. */
    public int pendingCount() {
        return pending.size();
    }

    /** Stops the thread; clean-ups not run yet are dropped (closing the context removes everything). */
    void stop() {
        stopped = true;
        thread.interrupt();
        pending.clear();
    }

    private void run() {
        while (!stopped) {
            try {
                Reference<?> collected = queue.remove(1000);
                Runnable cleanup = collected == null ? null : pending.remove(collected);
                if (cleanup != null) {
                    cleanup.run();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // why: one failed clean-up must not stop the others
                LOG.warn("A clean-up failed", e);
            }
        }
    }
}
