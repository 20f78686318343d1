package io.ember.actors.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.spi.TaskRunner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ExecutorActorStatusTest {

    @Test
    void getStatus_afterFinishedCrashedAndRunningTasks_countsEach() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskRunner runner = (task, services) -> switch (new String(task, UTF_8)) {
            case "fail" -> throw new IllegalStateException("failed on purpose");
            case "block" -> {
                started.countDown();
                release.await();
                yield task;
            }
            default -> task;
        };
        try (LocalExecutorRuntime runtime = LocalExecutorRuntime.start("status", 1, 2, runner, getClass().getClassLoader())) {
            runtime.launch("exec-0", 1, "a".getBytes(UTF_8)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            runtime.launch("exec-0", 2, "b".getBytes(UTF_8)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            runtime.launch("exec-0", 3, "fail".getBytes(UTF_8)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            runtime.launch("exec-0", 4, "block".getBytes(UTF_8));
            assertTrue(started.await(10, TimeUnit.SECONDS));

            assertEquals(new ExecutorActor.Status("exec-0", 1, 2, 1), settledStatus(runtime, 3));
            release.countDown();
            assertEquals(new ExecutorActor.Status("exec-0", 0, 3, 1), settledStatus(runtime, 4));
        }
    }

    /** Asks until {@code ended} tasks are counted: a worker tells TaskDone just after the outcome. */
    static ExecutorActor.Status settledStatus(LocalExecutorRuntime runtime, long ended) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ExecutorActor.Status status = runtime.status("exec-0").toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (status.completed() + status.failed() >= ended || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(5);
        }
    }
}
