package io.ember.rdd;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The parts of a context that a start-up has started so far, in order, so that a start that
 * fails half-way can stop them again, newest first. Without it a failed start would leave the
 * web UI's HTTP server (a non-daemon thread), the actor system or the local directory behind,
 * and the JVM would never exit. Used by one thread, during one start.
 */
final class StartedParts {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Records that {@code part} was started; returns it. */
    <T extends AutoCloseable> T add(T part) {
        started.push(part);
        return part;
    }

    /**
     * Stops every recorded part, newest first, and returns {@code cause} with any failure to
     * stop a part added to it as suppressed (a part that cannot stop must not hide why the
     * start failed, nor keep the others running).
     */
    <E extends Throwable> E releaseAfter(E cause) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception | Error e) {
                cause.addSuppressed(e);
            }
        }
        return cause;
    }
}
