package io.ember.actors.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

/*
 * Design notes
 * ------------
 * One task's run on an executor's worker thread (or one command's on its control thread), the
 * same for the local executor (ExecutorActor) and the cluster one (AppExecutor): the task is registered with the slot's TaskThreads while it
 * runs (so that a kill interrupts the right thread), and whatever the runner throws, an Error
 * such as OutOfMemoryError included, is this task's crash and not the pool's. The caller turns
 * the result into its transport's message.
 */
final class TaskExecution {
    /** A crash report is cut to this many characters so that it always fits in one Akka frame. */
    private static final int MAX_ERROR = 32 * 1024;

    /** How the runner's call ended: with {@code result}, or with {@code crash} (the stack trace's text). */
    record Ended(byte[] result, String crash) {}

    private TaskExecution() {
    }

    /** Runs {@code work} as task {@code taskId} on the calling worker thread. */
    static Ended run(TaskThreads tasks, long taskId, Callable<byte[]> work) {
        tasks.started(taskId);
        try {
            return call(work);
        } finally {
            tasks.finished(taskId);
        }
    }

    /** Runs a control command's {@code work} on the calling (control) thread. */
    static Ended call(Callable<byte[]> work) {
        try {
            byte[] result = work.call();
            return result != null ? new Ended(result, null) : new Ended(null, "the TaskRunner returned null");
        } catch (Throwable t) { // why: an Error (e.g. OutOfMemoryError) is this run's crash, not the thread's
            return new Ended(null, stackTrace(t));
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        return trace.length() <= MAX_ERROR ? trace : trace.substring(0, MAX_ERROR) + "\n\t... (cut)";
    }
}
