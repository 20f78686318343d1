package io.ember.actors.internal.spi;

import io.ember.actors.ExecutorInfo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runtime through its public API only: tasks, loss, blocks, shutdown. */
@Timeout(30)
class ExecutorRuntimeTest {

    private static final ClassLoader LOADER = ExecutorRuntimeTest.class.getClassLoader();

    @Test
    void launch_runnerReturns_givesFinishedWithItsBytes() throws Exception {
        try (ExecutorRuntime runtime = start(2, 1, (task, services) -> bytes(services.executorId() + ":" + text(task)))) {
            TaskOutcome outcome = await(runtime.launch("exec-1", 1, bytes("hello")));

            TaskOutcome.Finished finished = assertInstanceOf(TaskOutcome.Finished.class, outcome);
            assertEquals("exec-1", finished.executorId());
            assertEquals("exec-1:hello", text(finished.result()));
        }
    }

    @Test
    void launch_anyTask_runsOnAWorkerThreadNotAnActorThread() throws Exception {
        try (ExecutorRuntime runtime = start(2, 1, (task, services) -> bytes(Thread.currentThread().getName()))) {
            for (String executor : List.of("exec-0", "exec-1")) {
                TaskOutcome.Finished finished = assertInstanceOf(TaskOutcome.Finished.class,
                        await(runtime.launch(executor, 1, bytes(""))));
                String thread = text(finished.result());
                assertTrue(thread.matches("ember-" + executor + "-task-\\d+"), thread);
            }
        }
    }

    @Test
    void launch_oneTaskPerExecutor_runsThemConcurrently() throws Exception {
        assertAllTasksMeet(3, 1);
    }

    @Test
    void launch_oneTaskPerCore_runsThemConcurrently() throws Exception {
        assertAllTasksMeet(1, 3);
    }

    /** Every task waits for all the others: they all finish only if all ran at once. */
    private static void assertAllTasksMeet(int executors, int cores) throws Exception {
        int tasks = executors * cores;
        CountDownLatch everyone = new CountDownLatch(tasks);
        TaskRunner meet = (task, services) -> {
            everyone.countDown();
            return bytes(everyone.await(10, TimeUnit.SECONDS) ? "met" : "alone");
        };
        try (ExecutorRuntime runtime = start(executors, cores, meet)) {
            List<CompletionStage<TaskOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                outcomes.add(runtime.launch("exec-" + (i % executors), i, bytes("")));
            }
            for (CompletionStage<TaskOutcome> outcome : outcomes) {
                assertEquals("met", text(assertInstanceOf(TaskOutcome.Finished.class, await(outcome)).result()));
            }
        }
    }

    @Test
    void launch_runnerThrows_givesCrashedWithTheExceptionText() throws Exception {
        try (ExecutorRuntime runtime = start(1, 1, (task, services) -> {
            throw new IllegalStateException("engine bug in " + text(task));
        })) {
            TaskOutcome.Crashed crashed = assertInstanceOf(TaskOutcome.Crashed.class,
                    await(runtime.launch("exec-0", 1, bytes("task 1"))));

            assertEquals("exec-0", crashed.executorId());
            assertTrue(crashed.error().contains("IllegalStateException: engine bug in task 1"), crashed.error());
        }
    }

    @Test
    void killExecutor_whileItsTaskRuns_givesExecutorLostAndNotifiesOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        TaskRunner block = (task, services) -> {
            started.countDown();
            new CountDownLatch(1).await();
            return bytes("never");
        };
        List<String> lost = new CopyOnWriteArrayList<>();
        try (ExecutorRuntime runtime = start(2, 1, block)) {
            runtime.onExecutorLost(lost::add);
            CompletionStage<TaskOutcome> running = runtime.launch("exec-0", 1, bytes(""));
            assertTrue(started.await(10, TimeUnit.SECONDS));

            runtime.killExecutor("exec-0");
            runtime.killExecutor("exec-0");

            TaskOutcome.ExecutorLost outcome = assertInstanceOf(TaskOutcome.ExecutorLost.class, await(running));
            assertEquals("exec-0", outcome.executorId());
            assertEquals(List.of("exec-0"), lost);
            assertEquals(List.of(ExecutorInfo.State.LOST, ExecutorInfo.State.ALIVE),
                    runtime.executors().stream().map(ExecutorInfo::state).toList());
        }
    }

    @Test
    void launch_onLostOrUnknownExecutor_givesExecutorLostAtOnce() throws Exception {
        try (ExecutorRuntime runtime = start(2, 1, (task, services) -> task)) {
            runtime.killExecutor("exec-1");

            assertInstanceOf(TaskOutcome.ExecutorLost.class, await(runtime.launch("exec-1", 1, bytes(""))));
            assertInstanceOf(TaskOutcome.ExecutorLost.class, await(runtime.launch("exec-7", 2, bytes(""))));
            assertInstanceOf(TaskOutcome.Finished.class, await(runtime.launch("exec-0", 3, bytes(""))));
        }
    }

    @Test
    void killExecutor_unknownId_isRejected() {
        try (ExecutorRuntime runtime = start(1, 1, (task, services) -> task)) {
            assertThrows(IllegalArgumentException.class, () -> runtime.killExecutor("exec-9"));
        }
    }

    @Test
    void executors_afterStart_listsEveryExecutorAlive() {
        try (ExecutorRuntime runtime = start(3, 2, (task, services) -> task)) {
            List<ExecutorInfo> executors = runtime.executors();

            assertEquals(List.of("exec-0", "exec-1", "exec-2"), executors.stream().map(ExecutorInfo::id).toList());
            for (ExecutorInfo executor : executors) {
                assertEquals(2, executor.cores());
                assertEquals(ExecutorInfo.State.ALIVE, executor.state());
                assertTrue(executor.address().endsWith("/user/" + executor.id()), executor.address());
            }
        }
    }

    @Test
    void fetch_blockPutByAnotherExecutor_returnsItsBytes() throws Exception {
        try (ExecutorRuntime runtime = start(2, 1, new BlockScript())) {
            assertEquals("ok", finishedText(runtime.launch("exec-0", 1, bytes("put rdd_3_1 cached"))));

            assertEquals("cached", finishedText(runtime.launch("exec-1", 2, bytes("fetch exec-0 rdd_3_1"))));
            assertEquals("cached", finishedText(runtime.launch("exec-0", 3, bytes("fetch exec-0 rdd_3_1"))));
            assertEquals("BlockFetchException", finishedText(runtime.launch("exec-1", 4, bytes("fetch exec-0 rdd_3_2"))));
        }
    }

    @Test
    void fetch_fromKilledExecutor_throwsBlockFetchException() throws Exception {
        try (ExecutorRuntime runtime = start(2, 1, new BlockScript())) {
            assertEquals("ok", finishedText(runtime.launch("exec-0", 1, bytes("put rdd_3_1 cached"))));

            runtime.killExecutor("exec-0");

            assertEquals("BlockFetchException", finishedText(runtime.launch("exec-1", 2, bytes("fetch exec-0 rdd_3_1"))));
        }
    }

    @Test
    void close_withRunningTask_settlesItAsLost() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExecutorRuntime runtime = start(1, 1, (task, services) -> {
            started.countDown();
            new CountDownLatch(1).await();
            return bytes("never");
        });
        CompletionStage<TaskOutcome> running = runtime.launch("exec-0", 1, bytes(""));
        assertTrue(started.await(10, TimeUnit.SECONDS));

        runtime.close();

        assertInstanceOf(TaskOutcome.ExecutorLost.class, await(running));
    }

    @Test
    void close_afterTasks_leavesNoWorkerThreadsReportsNoLossAndRejectsLaunches() throws Exception {
        ExecutorRuntime runtime = start(2, 2, (task, services) -> task);
        List<String> lost = new CopyOnWriteArrayList<>();
        runtime.onExecutorLost(lost::add);
        for (int i = 0; i < 8; i++) {
            await(runtime.launch("exec-" + (i % 2), i, bytes("")));
        }

        runtime.close();
        runtime.close();

        assertEquals(List.of(), lost);

        List<String> workers = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(name -> name.startsWith("ember-exec")).toList();
        assertEquals(List.of(), workers);
        assertInstanceOf(TaskOutcome.ExecutorLost.class, await(runtime.launch("exec-0", 99, bytes(""))));
    }

    @Test
    void startLocal_badSizes_areRejected() {
        TaskRunner echo = (task, services) -> task;
        assertThrows(IllegalArgumentException.class, () -> ExecutorRuntime.startLocal("app", 0, 1, echo, LOADER));
        assertThrows(IllegalArgumentException.class, () -> ExecutorRuntime.startLocal("app", 1, 0, echo, LOADER));
    }

    @Test
    void startAndClose_localTwo_printsTimings() throws Exception {
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            ExecutorRuntime runtime = start(2, 1, (task, services) -> task);
            long t1 = System.nanoTime();
            await(runtime.launch("exec-0", 1, bytes("")));
            long t2 = System.nanoTime();
            runtime.close();
            long t3 = System.nanoTime();
            System.out.printf("local[2] round %d: start %.1f ms, first task %.1f ms, close %.1f ms%n",
                    round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }

    @Test
    void launch_tinyTaskWarm_printsRoundTripLatency() throws Exception {
        byte[] payload = bytes("x");
        try (ExecutorRuntime runtime = start(2, 1, (task, services) -> task)) {
            for (int i = 0; i < 2_000; i++) {
                await(runtime.launch("exec-" + (i % 2), i, payload));
            }
            long[] micros = new long[1_000];
            for (int i = 0; i < micros.length; i++) {
                long t0 = System.nanoTime();
                TaskOutcome outcome = await(runtime.launch("exec-" + (i % 2), 10_000 + i, payload));
                micros[i] = (System.nanoTime() - t0) / 1_000;
                assertSame(payload, ((TaskOutcome.Finished) outcome).result());
            }
            Arrays.sort(micros);
            System.out.printf("launch round trip (warm, tiny task): median %d us, p90 %d us, p99 %d us%n",
                    micros[500], micros[900], micros[990]);
        }
    }

    /** {@code put <block> <text>} stores a block here; {@code fetch <executor> <block>} reads one. */
    private static final class BlockScript implements TaskRunner {
        @Override
        public byte[] run(byte[] task, ExecutorServices services) {
            String[] words = text(task).split(" ");
            if (words[0].equals("put")) {
                services.blockStore().put(rddBlock(words[1]), bytes(words[2]));
                return bytes("ok");
            }
            try {
                return services.fetch(words[1], rddBlock(words[2]));
            } catch (BlockFetchException e) {
                return bytes(e.getClass().getSimpleName());
            }
        }

        private static BlockId rddBlock(String name) {
            String[] parts = name.split("_");
            return new BlockId.RddBlock(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
    }

    @Test
    void onStopped_isNotCalledWhenTheRuntimeIsClosed() throws Exception {
        java.util.concurrent.CompletableFuture<String> reason = new java.util.concurrent.CompletableFuture<>();
        ExecutorRuntime runtime = start(1, 1, (task, services) -> task);
        runtime.onStopped(reason::complete);
        runtime.close();
        Thread.sleep(200);
        assertTrue(!reason.isDone(), "closing is not an unexpected stop: " + reason.getNow(null));
    }

    @Test
    void killTask_interruptsOnlyThatTask_andItsOutcomeIsStillReported() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        TaskRunner sleeper = (task, services) -> {
            bothRunning.countDown();
            try {
                Thread.sleep(text(task).equals("long") ? 60_000 : 1_000);
                return bytes("slept");
            } catch (InterruptedException e) {
                return bytes("interrupted");
            }
        };
        try (ExecutorRuntime runtime = start(1, 2, sleeper)) {
            CompletionStage<TaskOutcome> killed = runtime.launch("exec-0", 1, bytes("long"));
            CompletionStage<TaskOutcome> spared = runtime.launch("exec-0", 2, bytes("short"));
            assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
            runtime.killTask("exec-0", 1);
            assertEquals("interrupted", text(assertInstanceOf(TaskOutcome.Finished.class, await(killed)).result()));
            assertEquals("slept", text(assertInstanceOf(TaskOutcome.Finished.class, await(spared)).result()));
            runtime.killTask("exec-0", 1);
            assertEquals("slept", text(assertInstanceOf(TaskOutcome.Finished.class,
                    await(runtime.launch("exec-0", 3, bytes("short")))).result()), "a late kill hits no later task");
        }
    }

    private static ExecutorRuntime start(int executors, int cores, TaskRunner runner) {
        return ExecutorRuntime.startLocal("ExecutorRuntimeTest", executors, cores, runner, LOADER);
    }

    private static TaskOutcome await(CompletionStage<TaskOutcome> outcome) throws Exception {
        return outcome.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String finishedText(CompletionStage<TaskOutcome> outcome) throws Exception {
        return text(assertInstanceOf(TaskOutcome.Finished.class, await(outcome)).result());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
