package io.ember.testing.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code bin/ember-worker} launchers started at the same moment on a copy of the source
 * tree that was never built: one of them builds while the others wait for its lock, and all
 * three workers start and form a cluster (before the lock, three concurrent Maven builds broke
 * one another). Maven runs offline ({@code MAVEN_ARGS=-o}): the dependencies are already in
 * ~/.m2, and nothing is installed there. Every launcher and its children are killed by PID.
 */
@Timeout(360)
class ConcurrentFirstLaunchTest {
    @Test
    void threeWorkersStartedAtOnceOnACleanTree_allStart_afterOneBuild(@TempDir Path dir) throws Exception {
        Path tree = SourceTree.copy(Launcher.ROOT, dir.resolve("ember"));
        int seed = freePort();
        List<Path> logs = new ArrayList<>();
        List<Process> workers = new ArrayList<>();
        try {
            for (int port : List.of(seed, freePort(), freePort())) {
                Path log = dir.resolve("worker-" + port + ".log");
                logs.add(log);
                workers.add(startWorker(tree, port, seed, log));
            }
            for (int i = 0; i < workers.size(); i++) {
                awaitOutput(workers.get(i), logs.get(i), "is up", 300);
            }
            long builds = 0;
            for (Path log : logs) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                builds += output.lines().filter(line -> line.startsWith("Building Ember's rdd-core")).count();
                assertTrue(output.contains("seeds [127.0.0.1:" + seed + "]"), output);
            }
            assertEquals(1, builds, "exactly one launcher builds; the others wait for it");
            String waited = Files.readString(logs.get(1)) + Files.readString(logs.get(2)) + Files.readString(logs.get(0));
            assertTrue(waited.contains("Waiting for another launcher's build of Ember to finish"), waited);

            Path later = dir.resolve("later.log");
            Process again = startLauncher(tree, later, "--help");
            workers.add(again);
            assertTrue(again.waitFor(60, TimeUnit.SECONDS), Files.readString(later));
            String laterOutput = Files.readString(later, StandardCharsets.UTF_8);
            assertEquals(0, again.exitValue(), laterOutput);
            assertTrue(!laterOutput.contains("Building Ember") && laterOutput.contains("usage: ember-worker"),
                    "a later launch on a built tree does not build again: " + laterOutput);
        } finally {
            for (Process worker : workers) {
                worker.descendants().forEach(ProcessHandle::destroyForcibly);
                worker.destroyForcibly();
            }
            for (Process worker : workers) {
                worker.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startWorker(Path tree, int port, int seed, Path log) throws IOException {
        return startLauncher(tree, log, "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--seed", "127.0.0.1:" + seed, "--cores", "1", "--memory", "256m",
                "--work-dir", tree.resolve("work-" + port).toString());
    }

    private static Process startLauncher(Path tree, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(tree.resolve("bin/ember-worker").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("EMBER_CLASSPATH");
        builder.environment().put("EMBER_CLUSTER_SECRET", "the-first-launch-test-secret-0123456789");
        builder.environment().put("MAVEN_ARGS", "-o");
        builder.environment().put("JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        return builder.start();
    }

    private static void awaitOutput(Process process, Path log, String text, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the launcher (pid " + process.pid() + ") did not print '" + text + "':\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
