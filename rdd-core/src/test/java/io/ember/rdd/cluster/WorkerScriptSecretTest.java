package io.ember.rdd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.vavr.collection.List;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ember-worker --secret VALUE} hands the secret to the worker's JVM through its
 * environment, not its command line (issue 17, defect 2): the JVM's command line does not hold
 * it, and a driver with that secret joins and runs a job. The worker is killed by PID at the end.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WorkerScriptSecretTest {
    private static final String SECRET = "worker-script-secret-0123456789";

    @TempDir
    Path dir;

    @Test
    void secretIsNotOnWorkerCommandLine() throws Exception {
        int port = WorkerJvms.freePort();
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("bin").resolve("ember-worker");
        Path log = dir.resolve("worker.log");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--cores", "1", "--memory", "256m", "--work-dir", dir.resolve("work").toString(),
                "--secret", SECRET).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EMBER_CLASSPATH", WorkerJvms.workerClassPath());
        builder.environment().remove("EMBER_CLUSTER_SECRET");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv("PATH"));
        WorkerJvms.Child worker = new WorkerJvms.Child("script-worker", port, builder.start(), log);
        try {
            WorkerJvms.awaitUp(java.util.List.of(worker), 60);
            String commandLine = worker.process().info().commandLine().orElseThrow();
            assertTrue(commandLine.contains("EmberWorker"), commandLine);
            assertFalse(commandLine.contains(SECRET), commandLine);
            try (EmberContext sc = EmberContext.builder().master("ember://127.0.0.1:" + port).appName("script-worker")
                    .config("ember.cluster.secret", SECRET).config("ember.ui.enabled", "false").getOrCreate()) {
                WorkerJvms.awaitExecutors(sc, 1);
                assertEquals(10, sc.parallelize(List.range(0, 10), 2).count());
            }
        } finally {
            WorkerJvms.kill(worker);
        }
    }
}
