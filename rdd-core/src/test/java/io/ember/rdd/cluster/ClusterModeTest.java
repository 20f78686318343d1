package io.ember.rdd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.ExecutorInfo;
import io.ember.rdd.Broadcast;
import io.ember.rdd.EmberContext;
import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.PairRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function1;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode with real processes: three worker JVMs on 127.0.0.1 (started once for the
 * class), the driver in this JVM. Application classes (these tests' lambdas) are not on the
 * workers' class path: they are shipped. Tests run in order because some change the cluster
 * (a worker joins, workers are killed with kill -9).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterModeTest {
    @TempDir
    static Path dir;
    static WorkerJvms jvms;
    static EmberContext sc;
    static final java.util.List<Integer> PORTS = new ArrayList<>();
    static Path shippedJar;

    @BeforeAll
    static void startCluster() throws Exception {
        jvms = new WorkerJvms(dir);
        int seed = WorkerJvms.freePort();
        PORTS.add(seed);
        PORTS.add(WorkerJvms.freePort());
        PORTS.add(WorkerJvms.freePort());
        java.util.List<WorkerJvms.Child> started = new ArrayList<>();
        for (int port : PORTS) {
            started.add(jvms.startWorker(port, java.util.List.of(seed), WorkerJvms.SECRET));
        }
        try {
            shippedJar = ShippedJar.build(dir);
            WorkerJvms.awaitUp(started, 60);
            sc = context("cluster-test");
            awaitExecutors(3);
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

    static EmberContext context(String name) {
        return EmberContext.builder().master("ember://127.0.0.1:" + PORTS.get(0)).appName(name)
                .config("ember.cluster.secret", WorkerJvms.SECRET)
                .config("ember.ui.enabled", "false")
                .config("ember.jars", shippedJar.toString())
                .getOrCreate();
    }

    static void awaitExecutors(int alive) throws InterruptedException {
        WorkerJvms.awaitExecutors(sc, alive);
    }

    static List<String> lines() {
        return lines(42, 20_000, 500);
    }

    /** {@code count} lines of eight words each, drawn by {@code seed} from {@code vocabulary} words w0, w1, .... */
    static List<String> lines(long seed, int count, int vocabulary) {
        Random random = new Random(seed);
        return List.range(0, count).map(i -> {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                line.append(w == 0 ? "" : " ").append("w").append(random.nextInt(vocabulary));
            }
            return line.toString();
        });
    }

    static Map<String, Integer> expectedCounts(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            for (String word : line.split(" ")) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    @Order(1)
    void executors_listEveryWorkerWithAddressCoresMemoryAndState() {
        List<ExecutorInfo> executors = sc.executors();
        assertEquals(3, executors.size(), executors.toString());
        for (ExecutorInfo executor : executors) {
            assertEquals(2, executor.cores());
            assertEquals(256L << 20, executor.memory());
            assertEquals(ExecutorInfo.State.ALIVE, executor.state());
        }
        assertEquals(PORTS.stream().sorted().toList(),
                executors.map(e -> port(e.address())).sorted().toJavaList());
        assertEquals(6, sc.defaultParallelism());
    }

    static int port(String address) {
        return WorkerJvms.port(address);
    }

    @Test
    @Order(2)
    void wordCount_isExact() {
        List<String> lines = lines();
        Map<String, Integer> counts = sc.parallelize(lines, 12)
                .flatMap(line -> List.of(line.split(" ")))
                .mapToPair(word -> Tuple.of(word, 1))
                .reduceByKey(Integer::sum)
                .collectAsMap().toJavaMap();
        assertEquals(expectedCounts(lines), new TreeMap<>(counts));
    }

    @Test
    @Order(3)
    void joinWithShuffle_isExact() {
        PairRDD<Integer, String> names = sc.parallelize(List.range(0, 5000), 7).mapToPair(i -> Tuple.of(i, "n" + i));
        PairRDD<Integer, Integer> squares = sc.parallelize(List.range(2500, 7500), 5).mapToPair(i -> Tuple.of(i, i * i));
        List<Tuple2<Integer, Tuple2<String, Integer>>> joined = names.join(squares, 6).collect()
                .sortBy(Tuple2::_1);
        assertEquals(List.range(2500, 5000).map(i -> Tuple.of(i, Tuple.of("n" + i, i * i))), joined);
    }

    @Test
    @Order(4)
    void tasks_runOnEveryWorker() {
        RDD<String> where = sc.parallelize(List.range(0, 60), 30).map(x -> TaskContext.get().executorId());
        assertEquals(3, where.distinct().count());
    }

    @Test
    @Order(5)
    void largeTasksAndResults_travelOnTheDataPath() {
        List<Long> values = sc.parallelize(List.range(0, 400_000), 4).map(x -> (long) x * 3).collect();
        assertEquals(400_000, values.size());
        assertEquals(List.range(0, 400_000).map(x -> (long) x * 3), values);
    }

    @Test
    @Order(6)
    void broadcastValuesAndCachedBlocks_reachEveryWorker() {
        io.vavr.collection.Map<Integer, String> table = io.vavr.collection.HashMap.ofEntries(
                List.range(0, 50_000).map(i -> Tuple.of(i, "value-" + i)));
        Broadcast<io.vavr.collection.Map<Integer, String>> shared = sc.broadcast(table);
        RDD<String> looked = sc.parallelize(List.range(0, 50_000), 12).map(i -> shared.value().get(i).get()).cache();
        assertEquals(50_000, looked.count());
        assertEquals(List.range(0, 50_000).map(i -> "value-" + i), looked.collect());
        looked.unpersist();
        shared.destroy();
    }

    @Test
    @Order(7)
    void applicationJars_areShippedToWorkersThatLackThem() throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {shippedJar.toUri().toURL()}, ClusterModeTest.class.getClassLoader());
        @SuppressWarnings("unchecked")
        Function1<Integer, String> where = (Function1<Integer, String>) loader.loadClass("shipped.Where")
                .getConstructor().newInstance();
        List<String> locations = sc.parallelize(List.range(0, 6), 6).map(where).distinct().collect();
        assertTrue(locations.forAll(l -> l.contains("/work-") && l.contains("/jars/") && l.endsWith(".jar")),
                "shipped.Where must come from the worker's copy of ember.jars: " + locations);
        // junit-platform-commons is on the driver's class path but not on the workers': shipped automatically.
        List<String> junit = sc.parallelize(List.range(0, 6), 6)
                .map(x -> org.junit.platform.commons.util.StringUtils.class.getProtectionDomain().getCodeSource()
                        .getLocation().toString())
                .distinct().collect();
        assertTrue(junit.forAll(l -> l.contains("/jars/")), junit.toString());
        assertEquals(List.of(true, false), sc.parallelize(List.of(" ", "x"), 2)
                .map(org.junit.platform.commons.util.StringUtils::isBlank).collect());
    }

    @Test
    @Order(8)
    void workerJoiningMidApplication_receivesTasks() throws Exception {
        int port = WorkerJvms.freePort();
        WorkerJvms.awaitUp(java.util.List.of(jvms.startWorker(port, java.util.List.of(PORTS.get(0), PORTS.get(1)),
                WorkerJvms.SECRET)), 60);
        PORTS.add(port);
        awaitExecutors(4);
        String newcomer = sc.executors().find(e -> port(e.address()) == port).get().id();
        List<String> where = sc.parallelize(List.range(0, 80), 40).map(x -> TaskContext.get().executorId())
                .distinct().collect();
        assertTrue(where.contains(newcomer), where + " must include " + newcomer);
    }

    @Test
    @Order(9)
    void workerKilledDuringShuffleMapStage_jobIsExact() throws Exception {
        killDuring(true, PORTS.get(3));
    }

    @Test
    @Order(10)
    void workerKilledDuringReduceStage_jobIsExact() throws Exception {
        killDuring(false, PORTS.get(2));
    }

    /** Word count joined with word lengths; kill -9 of the worker on {@code victimPort} during one stage. */
    private static void killDuring(boolean mapStage, int victimPort) throws Exception {
        String victim = sc.executors().find(e -> port(e.address()) == victimPort).get().id();
        List<String> lines = lines();
        AtomicLong killedAt = new AtomicLong();
        AtomicLong removedAt = new AtomicLong();
        CountDownLatch inStage = new CountDownLatch(1);
        AtomicInteger targetStage = new AtomicInteger(-1);
        EmberListener listener = event -> {
            if (event instanceof ListenerEvent.JobStart start) {
                List<Integer> ids = start.stages().map(ListenerEvent.StageInfo::stageId);
                targetStage.set(mapStage ? ids.min().get() : ids.max().get());
            } else if (event instanceof ListenerEvent.TaskStart start && start.task().executorId().equals(victim)
                    && start.task().stageId() == targetStage.get()) {
                inStage.countDown();
            } else if (event instanceof ListenerEvent.ExecutorRemoved removed && removed.executorId().equals(victim)) {
                removedAt.compareAndSet(0, removed.time());
            }
        };
        sc.addListener(listener);
        try {
            CompletableFuture<Map<String, Tuple2<Integer, Integer>>> job =
                    CompletableFuture.supplyAsync(() -> countsWithLengths(lines, mapStage));
            assertTrue(inStage.await(30, TimeUnit.SECONDS), "the victim never ran a task of the stage");
            killedAt.set(System.currentTimeMillis());
            WorkerJvms.kill(jvms.worker(victimPort));
            Map<String, Tuple2<Integer, Integer>> result = job.get(60, TimeUnit.SECONDS);
            long done = System.currentTimeMillis();
            java.util.Map<String, Tuple2<Integer, Integer>> expected = new TreeMap<>();
            expectedCounts(lines).forEach((word, count) -> expected.put(word, Tuple.of(count, word.length())));
            assertEquals(expected, new TreeMap<>(result));
            long detection = removedAt.get() - killedAt.get();
            long recovery = done - killedAt.get();
            System.out.printf("kill -9 during the %s stage: executor lost after %d ms, job done %d ms after the kill%n",
                    mapStage ? "shuffle-map" : "reduce", detection, recovery);
            assertTrue(removedAt.get() > 0, "the victim was never reported lost");
            assertTrue(detection < 8_000, "failure detection took " + detection + " ms");
            assertTrue(recovery < detection + 8_000, "the job ended " + recovery + " ms after the kill, detection "
                    + detection + " ms");
            assertEquals(ExecutorInfo.State.LOST, sc.executors().find(e -> e.id().equals(victim)).get().state());
        } finally {
            sc.removeListener(listener);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Tuple2<Integer, Integer>> countsWithLengths(List<String> lines, boolean slowMaps) {
        PairRDD<String, Integer> counts = sc.parallelize(lines, 12)
                .mapPartitionsWithIndex((index, it) -> {
                    if (slowMaps) {
                        pause(1500);
                    }
                    return it;
                })
                .flatMap(line -> List.of(line.split(" ")))
                .mapToPair(word -> Tuple.of(word, 1))
                .reduceByKey(Integer::sum, 8);
        PairRDD<String, Integer> lengths = sc.parallelize(List.range(0, 500).map(i -> "w" + i), 4)
                .mapToPair(word -> Tuple.of(word, word.length()));
        return counts.join(lengths, 8)
                .mapPartitionsWithIndex((index, it) -> {
                    if (!slowMaps) {
                        pause(1500);
                    }
                    return it;
                })
                .mapToPair(t -> t)
                .collectAsMap().toJavaMap();
    }

    @Test
    @Order(11)
    void driverEnding_freesItsExecutors_andWorkersServeTheNextApplication() throws Exception {
        sc.close();
        for (int port : PORTS.subList(0, 2)) {
            WorkerJvms.awaitOutput(java.util.List.of(jvms.worker(port)), "ended (the application ended)", 20);
        }
        sc = context("next-application");
        awaitExecutors(2);
        wordCount_isExact();
    }

    @Test
    @Order(12)
    void driverKilled_endsItsApplicationOnTheWorkers_whichStayUp() throws Exception {
        WorkerJvms.Child driver = jvms.startDriver("crash-driver", CrashingDriver.class.getName(),
                java.util.List.of("127.0.0.1:" + PORTS.get(0)));
        WorkerJvms.awaitOutput(java.util.List.of(driver), "RUNNING", 60);
        pause(500);
        WorkerJvms.kill(driver);
        java.util.List<WorkerJvms.Child> workers = java.util.List.of(jvms.worker(PORTS.get(0)), jvms.worker(PORTS.get(1)));
        WorkerJvms.awaitOutput(workers, "ended (the driver is gone)", 20);
        assertTrue(workers.stream().anyMatch(w -> w.output().contains("interrupted")), jvms.outputs());
        assertEquals(2, sc.executors().count(e -> e.state() == ExecutorInfo.State.ALIVE));
        joinWithShuffle_isExact();
    }

    @Test
    @Order(13)
    void lambdasTypedInJShell_runOnTheCluster() throws Exception {
        Path script = dir.resolve("cluster.jsh");
        Files.writeString(script, String.join("\n",
                "import io.ember.rdd.*;",
                "import io.vavr.collection.List;",
                "var sc = EmberContext.builder().master(\"ember://127.0.0.1:" + PORTS.get(0) + "\").appName(\"jshell\")"
                        + ".config(\"ember.cluster.secret\", \"" + WorkerJvms.SECRET + "\")"
                        + ".config(\"ember.ui.enabled\", \"false\").getOrCreate();",
                "System.out.println(sc.parallelize(List.range(1, 10001)).filter(x -> x < 10).collect());",
                "int base = 100;",
                "System.out.println(sc.parallelize(List.of(1, 2, 3), 2).map(x -> x + base).collect());",
                "System.out.println(\"executors \" + sc.executors().size());",
                "sc.close();",
                "/exit",
                ""));
        String jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
        Process process = new ProcessBuilder(jshell, "--class-path", String.join(File.pathSeparator,
                WorkerJvms.testClassPath()), "-R-Xmx256m", "-R-XX:TieredStopAtLevel=1", script.toString())
                .redirectErrorStream(true).start();
        try {
            assertTrue(process.waitFor(80, TimeUnit.SECONDS), "jshell did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("List(1, 2, 3, 4, 5, 6, 7, 8, 9)"), output);
            assertTrue(output.contains("List(101, 102, 103)"), output);
            assertTrue(output.contains("executors 2"), output);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    @Order(14)
    void driverRemovedFromTheClusterAfterAStall_stopsItsContext_soItsNextJobFailsAtOnce() throws Exception {
        WorkerJvms.Child driver = jvms.startDriver("stalling-driver", StallingDriver.class.getName(),
                java.util.List.of("127.0.0.1:" + PORTS.get(0)));
        try {
            WorkerJvms.awaitOutput(java.util.List.of(driver), "READY 4", 60);
            signal("STOP", driver);
            pause(10_000);
            signal("CONT", driver);
            WorkerJvms.awaitOutput(java.util.List.of(driver), "NEXT JOB FAILED after", 40);
            String output = driver.output();
            String next = output.lines().filter(l -> l.startsWith("NEXT JOB FAILED after")).findFirst().orElseThrow();
            long millis = Long.parseLong(next.substring("NEXT JOB FAILED after ".length(), next.indexOf(" ms")));
            assertTrue(millis < 1_000, "the next job failed at once: " + next);
            assertTrue(next.contains("removed from the cluster"), next);
            String running = output.lines().filter(l -> l.startsWith("JOB FAILED after")).reduce((a, b) -> b).orElseThrow();
            assertTrue(running.contains("removed from the cluster") || running.contains("executors are lost"), running);
        } finally {
            WorkerJvms.kill(driver);
        }
    }

    /** Sends a signal to a child JVM, by its PID. */
    private static void signal(String name, WorkerJvms.Child child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name + " " + child.pid());
    }

    @Test
    @Order(15)
    void anExecutorThatRanOutOfMemory_isGivenUp_andTheTaskIsRetriedElsewhere() throws Exception {
        CopyOnWriteArrayList<ListenerEvent.TaskEnd> failed = new CopyOnWriteArrayList<>();
        EmberListener failures = e -> {
            if (e instanceof ListenerEvent.TaskEnd end && end.status().equals("FAILED")) {
                failed.add(end);
            }
        };
        sc.addListener(failures);
        long alive = sc.executors().count(e -> e.state() == ExecutorInfo.State.ALIVE);
        try {
            List<Integer> doubled = sc.parallelize(List.range(0, 40), 4).map(x -> {
                TaskContext task = TaskContext.get();
                if (task.partitionId() == 0 && task.attemptNumber() == 0) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                return x * 2;
            }).collect();
            assertEquals(List.range(0, 40).map(x -> x * 2), doubled);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (failed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, failed.size(), "one failed attempt: " + failed);
            String unhealthy = failed.get(0).task().executorId();
            assertTrue(failed.get(0).error().contains("ran out of memory on executor " + unhealthy), failed.get(0).error());
            while (sc.executors().exists(e -> e.id().equals(unhealthy) && e.state() == ExecutorInfo.State.ALIVE)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(alive - 1, sc.executors().count(e -> e.state() == ExecutorInfo.State.ALIVE),
                    unhealthy + " was given up: " + sc.executors());
        } finally {
            sc.removeListener(failures);
        }
    }

    @Test
    @Order(16)
    void perTaskOverhead_onTheClusterAndLocally() {
        int slots = sc.executors().filter(e -> e.state() == ExecutorInfo.State.ALIVE).map(ExecutorInfo::cores).sum().intValue();
        double[] cluster = overhead(sc);
        sc.close();
        sc = EmberContext.builder().master("local[" + slots + "]").appName("local-overhead")
                .config("ember.ui.enabled", "false").getOrCreate();
        double[] local = overhead(sc);
        System.out.printf("per-task overhead with %d slots: cluster %.2f ms per 1-task job, %.3f ms per task in a "
                + "400-task job; local %.2f ms per 1-task job, %.3f ms per task in a 400-task job%n",
                slots, cluster[0], cluster[1], local[0], local[1]);
        assertTrue(cluster[1] < 50, "a trivial task costs " + cluster[1] + " ms on the cluster");
    }

    /** {ms per job of one task, ms of wall time per task in a job of 400 tasks}, after a warm-up. */
    static double[] overhead(EmberContext context) {
        for (int i = 0; i < 2; i++) {
            context.parallelize(List.range(0, 400), 400).map(x -> x + 1).count();
        }
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            context.parallelize(List.of(i), 1).map(x -> x + 1).count();
        }
        double perJob = (System.nanoTime() - start) / 30 / 1e6;
        start = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            context.parallelize(List.range(0, 400), 400).map(x -> x + 1).count();
        }
        double perTask = (System.nanoTime() - start) / 800.0 / 1e6;
        return new double[] {perJob, perTask};
    }
}
