package io.ember.rdd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.rdd.EmberContext;
import io.ember.rdd.TaskContext;
import io.vavr.collection.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may be in the cluster: nodes without the secret can neither join nor run anything, and a
 * node that is cut off is downed, removed, and exits when it comes back (so that its supervisor
 * restarts it) instead of lingering half-alive. Two good worker JVMs and one with a wrong secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterSecurityTest {
    static final String WRONG_SECRET = "not-the-cluster-secret-9876543210";

    @TempDir
    static Path dir;
    static WorkerJvms jvms;
    static EmberContext sc;
    static int seed;
    static int second;
    static WorkerJvms.Child intruder;
    static long intruderStarted;

    @BeforeAll
    static void startCluster() throws Exception {
        jvms = new WorkerJvms(dir);
        seed = WorkerJvms.freePort();
        second = WorkerJvms.freePort();
        java.util.List<WorkerJvms.Child> good = java.util.List.of(
                jvms.startWorker(seed, java.util.List.of(seed), WorkerJvms.SECRET),
                jvms.startWorker(second, java.util.List.of(seed), WorkerJvms.SECRET));
        intruder = jvms.startWorker(WorkerJvms.freePort(), java.util.List.of(seed), WRONG_SECRET);
        intruderStarted = System.nanoTime();
        try {
            WorkerJvms.awaitUp(good, 60);
            sc = EmberContext.builder().master("ember://127.0.0.1:" + seed).appName("security-test")
                    .config("ember.cluster.secret", WorkerJvms.SECRET).config("ember.ui.enabled", "false")
                    .getOrCreate();
            WorkerJvms.awaitExecutors(sc, 2);
        } catch (Throwable t) {
            throw new AssertionError(t + "\n" + jvms.outputs(), t);
        }
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (sc != null) {
                sc.close();
            }
        } finally {
            jvms.close();
        }
    }

    @Test
    @Order(1)
    void workerWithoutTheSecret_cannotJoinNorRunTasks() throws Exception {
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - intruderStarted);
        if (waited < 8_000) {
            Thread.sleep(8_000 - waited);
        }
        assertTrue(intruder.process().isAlive(), intruder.output());
        assertFalse(intruder.output().contains("is up"), intruder.output());
        assertEquals(2, sc.executors().size(), sc.executors().toString());
        List<Integer> ports = List.of(seed, second);
        assertTrue(sc.executors().forAll(e -> ports.contains(WorkerJvms.port(e.address()))));
        List<String> where = sc.parallelize(List.range(0, 40), 20).map(x -> TaskContext.get().executorId())
                .distinct().collect();
        assertTrue(where.forAll(id -> sc.executors().map(ExecutorInfo::id).contains(id)), where.toString());
        assertFalse(intruder.output().contains("started executor"), intruder.output());
    }

    @Test
    @Order(2)
    void driverWithoutTheSecret_cannotJoinNorSubmitWork() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> ExecutorRuntime.startCluster(
                "intruder", java.util.List.of("127.0.0.1:" + seed),
                Map.of("ember.cluster.secret", WRONG_SECRET, "ember.cluster.joinTimeout", "4s"),
                ClusterSecurityTest.class.getClassLoader()).close());
        assertTrue(failure.getMessage().contains("Could not join"), failure.getMessage());
        assertFalse(jvms.worker(seed).output().contains("(intruder)"), jvms.worker(seed).output());
        assertFalse(jvms.worker(second).output().contains("(intruder)"), jvms.worker(second).output());
    }

    @Test
    @Order(3)
    void cutOffWorker_isDownedAndRemoved_andExitsWhenItComesBack() throws Exception {
        WorkerJvms.Child victim = jvms.worker(second);
        String id = sc.executors().find(e -> WorkerJvms.port(e.address()) == second).get().id();
        signal("STOP", victim.pid());
        long stopped = System.nanoTime();
        try {
            while (sc.executors().find(e -> e.id().equals(id)).get().state() != ExecutorInfo.State.LOST) {
                assertTrue(System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(15), "never downed: " + sc.executors());
                Thread.sleep(50);
            }
            System.out.printf("a cut-off worker was given up %d ms after it stopped answering%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));
            assertEquals(List.range(0, 100).sum().intValue(),
                    sc.parallelize(List.range(0, 100), 10).reduce(Integer::sum).intValue());
        } finally {
            signal("CONT", victim.pid());
        }
        assertTrue(victim.process().waitFor(30, TimeUnit.SECONDS), "the removed node did not exit:\n" + victim.output());
        assertEquals(3, victim.process().exitValue(), victim.output());
        assertTrue(victim.output().contains("removed from the cluster"), victim.output());
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }
}
