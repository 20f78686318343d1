package io.ember.rdd.internal.scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task each thread runs ({@link TaskContextImpl#CURRENT}: a thread-local, as
 * {@code TaskContext.get()} needs), also kept by thread so that a task whose code calls
 * {@code System.exit} is reported by name instead of the JVM (the driver's, in local mode)
 * ending without a word.
 *
 * <p>Design notes. Spark fails such a task: it installs a {@code SecurityManager} whose
 * {@code checkExit} throws. Ember does not, because the security manager is deprecated for
 * removal (JDK 17 prints a warning when one is installed, and it must be allowed with
 * {@code -Djava.security.manager=allow} on every command line from JDK 18; JDK 24 removed it),
 * and because every file and network access would pay for its permission checks. A JVM exit
 * cannot otherwise be refused, so the exit runs, but a shutdown hook (registered when the first
 * task starts) logs an ERROR naming each task whose thread is inside {@code System.exit}, with
 * the stack of the call. Thread-safe.
 */
final class RunningTasks extends ThreadLocal<TaskContextImpl> {
    private static final Logger LOG = LoggerFactory.getLogger(RunningTasks.class);

    private final Map<Thread, TaskContextImpl> byThread = new ConcurrentHashMap<>();
    private final AtomicBoolean watchingExits = new AtomicBoolean();

    @Override
    public void set(TaskContextImpl task) {
        super.set(task);
        if (task == null) {
            byThread.remove(Thread.currentThread());
        } else {
            byThread.put(Thread.currentThread(), task);
            watchExits();
        }
    }

    @Override
    public void remove() {
        super.remove();
        byThread.remove(Thread.currentThread());
    }

    private void watchExits() {
        if (watchingExits.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(this::reportExitsFromTasks, "ember-task-exit-report"));
            } catch (IllegalStateException e) {
                // why: the JVM is already shutting down; there is no exit left to report on
            }
        }
    }

    /** Logs each running task whose thread is inside {@code System.exit} (it waits there for this hook). */
    void reportExitsFromTasks() {
        byThread.forEach((thread, task) -> {
            StackTraceElement[] stack = thread.getStackTrace();
            int exit = exitCall(stack);
            if (exit >= 0) {
                Throwable call = new IllegalStateException("System.exit called by task code here");
                call.setStackTrace(java.util.Arrays.copyOfRange(stack, exit, stack.length));
                LOG.error("Task {} (stage {}, partition {}, attempt {}) on executor {} called System.exit on thread {}: "
                        + "this JVM is exiting. Tasks must not exit the JVM: throw an exception to fail the task instead",
                        task.taskAttemptId(), task.stageId(), task.partitionId(), task.attemptNumber(), task.executorId(),
                        thread.getName(), call);
            }
        });
    }

    /** Where in {@code stack} the JVM exit was called (the outermost exit frame), or -1 if it was not. */
    private static int exitCall(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            String type = stack[i].getClassName();
            if (stack[i].getMethodName().equals("exit") && (type.equals("java.lang.System") || type.equals("java.lang.Runtime")
                    || type.equals("java.lang.Shutdown"))) {
                return i;
            }
        }
        return -1;
    }
}
