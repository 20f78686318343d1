package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.cluster.typed.Cluster;
import akka.cluster.typed.Down;
import io.ember.actors.internal.spi.BlockFetchException;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.actors.internal.spi.TaskRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster runtime's protocol in one JVM: a driver and two worker nodes (separate actor
 * systems, each with its own data server), with a task runner that echoes, stores and fetches
 * blocks. The multi-JVM behaviour (class shipping, kill -9) is tested in rdd-core.
 */
@Timeout(120)
class ClusterRuntimeTest {
    static final String SECRET = "a-test-secret-for-the-cluster";

    /** Counted down when a "sleep" task starts. */
    static final java.util.concurrent.CountDownLatch SLEEPING = new java.util.concurrent.CountDownLatch(1);

    /** "echo:<text>", "put:<n>" (stores n bytes as block rdd_0_0), "get:<executor>" (fetches it), "sleep" (sleeps until interrupted). */
    static final TaskRunner RUNNER = (task, services) -> {
        String text = new String(task, 0, Math.min(task.length, 64), StandardCharsets.UTF_8);
        if (text.startsWith("put:")) {
            int size = Integer.parseInt(text.substring(4).trim());
            byte[] block = new byte[size];
            Arrays.fill(block, (byte) 7);
            services.blockStore().put(new BlockId.RddBlock(0, 0), block);
            return services.executorId().getBytes(StandardCharsets.UTF_8);
        }
        if (text.startsWith("get:")) {
            return services.fetch(text.substring(4).trim(), new BlockId.RddBlock(0, 0));
        }
        if (text.startsWith("sleep")) {
            SLEEPING.countDown();
            try {
                Thread.sleep(60_000);
                return "slept".getBytes(StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                return "interrupted".getBytes(StandardCharsets.UTF_8);
            }
        }
        return task;
    };

    static WorkerProcess first;
    static WorkerProcess second;
    static ClusterExecutorRuntime runtime;
    static int seedPort;

    @BeforeAll
    static void startCluster(@TempDir Path work) throws Exception {
        seedPort = freePort();
        first = WorkerProcess.start(settings(seedPort, seedPort, work), RUNNER, line -> { });
        second = WorkerProcess.start(settings(freePort(), seedPort, work), RUNNER, line -> { });
        runtime = ClusterExecutorRuntime.start("runtime-test", List.of("127.0.0.1:" + seedPort),
                Map.of(ClusterSecret.SETTING, SECRET), ClusterRuntimeTest.class.getClassLoader());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runtime.executors().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(2, runtime.executors().size(), "executors: " + runtime.executors());
    }

    @AfterAll
    static void stopCluster() {
        if (runtime != null) {
            runtime.close();
        }
        for (WorkerProcess worker : new WorkerProcess[] {first, second}) {
            if (worker != null) {
                assertEquals(0, worker.stop());
            }
        }
    }

    private static WorkerSettings settings(int port, int seedPort, Path work) {
        return new WorkerSettings("127.0.0.1", port, List.of("127.0.0.1:" + seedPort), 2, 64L << 20, 0,
                work.resolve("w" + port), SECRET);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static TaskOutcome run(String executorId, long taskId, byte[] payload) throws Exception {
        return runtime.launch(executorId, taskId, payload).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void executors_listAddressCoresMemoryAndState() {
        for (ExecutorInfo executor : runtime.executors()) {
            assertEquals(2, executor.cores());
            assertEquals(64L << 20, executor.memory());
            assertEquals(ExecutorInfo.State.ALIVE, executor.state());
            assertTrue(executor.address().startsWith("akka://ember@127.0.0.1:"), executor.address());
        }
    }

    @Test
    void largePayloadsAndResults_travelOnTheDataPath() throws Exception {
        byte[] small = "echo:hello".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[3 * 1024 * 1024];
        large[0] = 'e';
        large[large.length - 1] = 42;
        String executor = runtime.executors().get(0).id();
        assertArrayEquals(small, ((TaskOutcome.Finished) run(executor, 1, small)).result());
        assertArrayEquals(large, ((TaskOutcome.Finished) run(executor, 2, large)).result());
    }

    @Test
    void blocks_areFetchedFromTheExecutorThatHoldsThem() throws Exception {
        String holder = runtime.executors().get(0).id();
        String reader = runtime.executors().get(1).id();
        run(holder, 10, "put:1000000".getBytes(StandardCharsets.UTF_8));
        byte[] block = ((TaskOutcome.Finished) run(reader, 11, ("get:" + holder).getBytes(StandardCharsets.UTF_8))).result();
        assertEquals(1_000_000, block.length);
        TaskOutcome missing = run(reader, 12, "get:exec-99".getBytes(StandardCharsets.UTF_8));
        assertInstanceOf(TaskOutcome.Crashed.class, missing);
        assertTrue(((TaskOutcome.Crashed) missing).error().contains(BlockFetchException.class.getName()));
    }

    @Test
    void killTask_interruptsTheTaskOnItsRemoteExecutor_whoseOutcomeIsStillReported() throws Exception {
        String executor = runtime.executors().get(1).id();
        var outcome = runtime.launch(executor, 30, "sleep".getBytes(StandardCharsets.UTF_8)).toCompletableFuture();
        assertTrue(SLEEPING.await(20, TimeUnit.SECONDS));
        runtime.killTask(executor, 30);
        TaskOutcome.Finished finished = assertInstanceOf(TaskOutcome.Finished.class, outcome.get(10, TimeUnit.SECONDS));
        assertEquals("interrupted", new String(finished.result(), StandardCharsets.UTF_8));
        assertEquals("echo:after", new String(((TaskOutcome.Finished) run(executor, 31,
                "echo:after".getBytes(StandardCharsets.UTF_8))).result(), StandardCharsets.UTF_8));
    }

    @Test
    void aDriverRemovedFromTheCluster_tellsItsOwner() throws Exception {
        ClusterExecutorRuntime downed = ClusterExecutorRuntime.start("downed", List.of("127.0.0.1:" + seedPort),
                Map.of(ClusterSecret.SETTING, SECRET), ClusterRuntimeTest.class.getClassLoader());
        try {
            CompletableFuture<String> reason = new CompletableFuture<>();
            downed.onStopped(reason::complete);
            Cluster cluster = Cluster.get(downed.system());
            cluster.manager().tell(new Down(cluster.selfMember().address()));
            assertTrue(reason.get(30, TimeUnit.SECONDS).contains("removed from the cluster"));
        } finally {
            downed.close();
        }
    }

    @Test
    void launchOnUnknownExecutor_isLost() throws Exception {
        assertInstanceOf(TaskOutcome.ExecutorLost.class, run("exec-42", 20, new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> runtime.killExecutor("exec-42"));
    }
}
