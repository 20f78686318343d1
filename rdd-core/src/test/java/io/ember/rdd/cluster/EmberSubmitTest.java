package io.ember.rdd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ember-submit} runs a jar compiled by this test (with a second jar given by
 * {@code --jars}) in local mode and on a cluster of two worker JVMs: the application sees
 * {@code --master}, {@code --conf} and {@code --driver-memory}, its tasks run where the master
 * says (the workers' PIDs on the cluster), and the sum of squares it computes is the one
 * computed here in plain Java. The launcher gets Ember's class path through EMBER_CLASSPATH (the
 * engine without the tests), so it does not build; every child is killed by its PID.
 */
@Timeout(180)
class EmberSubmitTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final long N = 1000;
    private static final Pattern REPORT = Pattern.compile(
            "master=(\\S+) maxFailures=(\\S+) heapAtMost256m=(\\S+) driverPid=(\\d+) taskPids=\\[([\\d, ]*)] sum=(\\d+)");

    @TempDir
    static Path dir;
    private static Path appJar;
    private static Path squaresJar;

    @BeforeAll
    static void buildJars() throws Exception {
        squaresJar = ShippedJar.compile(dir, "squares", Map.of("squares.Squares", """
                package squares;

                public final class Squares {
                    public static long square(long x) {
                        return x * x;
                    }
                }
                """));
        appJar = ShippedJar.compile(dir, "submitted", Map.of("submitted.SumOfSquares", """
                package submitted;

                import io.ember.rdd.EmberContext;

                public final class SumOfSquares {
                    public static void main(String[] args) {
                        long n = Long.parseLong(args[0]);
                        try (EmberContext sc = EmberContext.builder().appName("submitted").getOrCreate()) {
                            long sum = sc.range(1, n + 1, 1, 4).map(x -> squares.Squares.square(x)).reduce(Long::sum);
                            java.util.List<Long> pids = sc.range(0, 16, 1, 16).map(x -> ProcessHandle.current().pid())
                                    .distinct().collect().sorted().toJavaList();
                            System.out.println("master=" + sc.master()
                                    + " maxFailures=" + sc.conf().get("ember.task.maxFailures").getOrElse("unset")
                                    + " heapAtMost256m=" + (Runtime.getRuntime().maxMemory() <= (256L << 20))
                                    + " driverPid=" + ProcessHandle.current().pid() + " taskPids=" + pids + " sum=" + sum);
                        }
                    }
                }
                """), squaresJar);
    }

    @Test
    void localMode_runsTheJarWithItsSettings() throws Exception {
        Run run = submit(Map.of(), "--master", "local[2]", "--conf", "ember.task.maxFailures=2",
                "--conf=ember.ui.enabled=false", "--driver-memory", "256m", "--jars", squaresJar.toString(),
                "--class", "submitted.SumOfSquares", appJar.toString(), Long.toString(N));
        Matcher report = report(run);
        assertEquals("local[2]", report.group(1));
        assertEquals("2", report.group(2));
        assertEquals("true", report.group(3));
        assertEquals(report.group(4), report.group(5).strip(), "tasks run in the driver's JVM in local mode");
        assertEquals(sumOfSquares(N), Long.parseLong(report.group(6)));
    }

    @Test
    void clusterOfTwoWorkers_runsTheTasksOnTheWorkers() throws Exception {
        try (WorkerJvms jvms = new WorkerJvms(java.nio.file.Files.createDirectories(dir.resolve("cluster")))) {
            int seed = WorkerJvms.freePort();
            WorkerJvms.Child first = jvms.startWorker(seed, List.of(), WorkerJvms.SECRET);
            WorkerJvms.Child second = jvms.startWorker(WorkerJvms.freePort(), List.of(seed), WorkerJvms.SECRET);
            WorkerJvms.awaitUp(List.of(first, second), 90);
            String master = "ember://127.0.0.1:" + seed;
            Run run = submit(Map.of("EMBER_CLUSTER_SECRET", WorkerJvms.SECRET), "--master", master,
                    "--conf", "ember.task.maxFailures=3", "--conf", "ember.ui.enabled=false",
                    "--jars", squaresJar.toString(), "--class", "submitted.SumOfSquares", appJar.toString(),
                    Long.toString(N));
            Matcher report = report(run);
            assertEquals(master, report.group(1));
            assertEquals("3", report.group(2));
            assertEquals(sumOfSquares(N), Long.parseLong(report.group(6)));
            Set<Long> taskPids = Arrays.stream(report.group(5).split(", ")).map(Long::parseLong).collect(Collectors.toSet());
            Set<Long> workerPids = Set.of(first.pid(), second.pid());
            assertTrue(!taskPids.isEmpty() && workerPids.containsAll(taskPids),
                    "tasks ran in " + taskPids + ", workers are " + workerPids + "\n" + run.output() + jvms.outputs());
            // while the workers start and the application runs (its end and the JVMs' exits aside)
            String running = run.output().substring(0, report.end())
                    + untilApplicationEnded(first.output()) + untilApplicationEnded(second.output());
            assertEquals(List.of(), running.lines().filter(line -> line.matches(".*\\] (WARN|ERROR) .*")).toList(),
                    "a normal cluster run logs nothing at WARN:\n" + run.output() + jvms.outputs());
        }
    }

    @Test
    void unknownOption_isNamed_andHelpListsTheOptions() throws Exception {
        Run unknown = submit(Map.of(), "--deploy-mode", "cluster", appJar.toString());
        assertEquals(2, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().contains("ember-submit: unknown option --deploy-mode"), unknown.output());
        Run badConf = submit(Map.of(), "--conf", "spark.master=local", appJar.toString());
        assertEquals(2, badConf.exitCode(), badConf.output());
        assertTrue(badConf.output().contains("--conf 'spark.master=local' is not an ember.* key=value setting"),
                badConf.output());
        Run badMaster = submit(Map.of(), "--master", "yarn", "--class", "submitted.SumOfSquares", appJar.toString(), "1");
        assertEquals(2, badMaster.exitCode(), badMaster.output());
        assertTrue(badMaster.output().contains("ember.master") && badMaster.output().contains("yarn"), badMaster.output());
        Run help = submit(Map.of(), "--help");
        assertEquals(0, help.exitCode());
        for (String option : List.of("--class", "--master", "local[N]", "ember://host:port", "--conf", "--jars",
                "--driver-memory")) {
            assertTrue(help.output().contains(option), option + " in\n" + help.output());
        }
    }

    private static String untilApplicationEnded(String workerOutput) {
        int end = workerOutput.indexOf("ended (the application ended)");
        return end < 0 ? workerOutput : workerOutput.substring(0, end);
    }

    private static long sumOfSquares(long n) {
        long sum = 0;
        for (long i = 1; i <= n; i++) {
            sum += i * i;
        }
        return sum;
    }

    private static Matcher report(Run run) {
        assertEquals(0, run.exitCode(), run.output());
        Matcher matcher = REPORT.matcher(run.output());
        assertTrue(matcher.find(), run.output());
        return matcher;
    }

    /** What bin/ember-submit printed (standard output and error together) and its exit code. */
    private record Run(int exitCode, String output) {
    }

    private static Run submit(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/ember-submit").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("EMBER_CLASSPATH", WorkerJvms.workerClassPath());
        builder.environment().put("JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "ember-submit did not finish");
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
