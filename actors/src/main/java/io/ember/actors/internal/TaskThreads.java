package io.ember.actors.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/*
 * Design notes
 * ------------
 * Which worker thread runs which task of one executor, so that a task can be interrupted by id
 * (a cancelled job). The executor's actor marks a task `queued` before handing it to the pool;
 * the worker thread marks it started and finished around the run. An interrupt that comes
 * before the task started is remembered and delivered when it starts; one that comes after it
 * finished is ignored, so a kill never hits the next task that the same thread runs. All
 * methods are synchronized: the actor's thread and the workers both call them, briefly.
 */
final class TaskThreads {
    private final Set<Long> queued = new HashSet<>();
    private final Set<Long> killedWhileQueued = new HashSet<>();
    private final Map<Long, Thread> running = new HashMap<>();

    /** Called before the task is handed to the worker pool. */
    synchronized void queued(long taskId) {
        queued.add(taskId);
    }

    /** Called on the worker thread as the task starts; interrupts it at once if it was killed already. */
    synchronized void started(long taskId) {
        queued.remove(taskId);
        running.put(taskId, Thread.currentThread());
        if (killedWhileQueued.remove(taskId)) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called on the worker thread as the task ends; clears an interrupt that came too late to matter. */
    synchronized void finished(long taskId) {
        running.remove(taskId);
        Thread.interrupted();
    }

    /** Interrupts the task's thread (or will, when it starts); false if the task is not known here. */
    synchronized boolean interrupt(long taskId) {
        Thread thread = running.get(taskId);
        if (thread != null) {
            thread.interrupt();
            return true;
        }
        if (queued.contains(taskId)) {
            killedWhileQueued.add(taskId);
            return true;
        }
        return false;
    }
}
