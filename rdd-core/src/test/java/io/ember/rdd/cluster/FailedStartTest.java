package io.ember.rdd.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context whose start fails releases what it had started (web UI server, actor system,
 * threads), so that a program whose {@code main} returns after the failure ends: issue 17,
 * defect 1. The program runs in its own JVM, killed by PID when the test ends.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FailedStartTest {
    /** How long the JVM may take to exit once its {@code main} returned. */
    private static final long EXIT_SECONDS = 10;

    @TempDir
    Path dir;

    @Test
    void failedStartLetsJvmExit() throws Exception {
        try (WorkerJvms jvms = new WorkerJvms(dir)) {
            WorkerJvms.Child driver = jvms.startDriverWithoutSecret("failing-starts", FailingStartsDriver.class.getName(),
                    List.of(Integer.toString(WorkerJvms.freePort())));
            WorkerJvms.awaitOutput(List.of(driver), "MAIN RETURNS", 70);
            boolean exited = driver.process().waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
            String output = driver.output();
            assertTrue(exited, "the JVM still runs " + EXIT_SECONDS + " s after main returned; threads:\n" + output);
            assertFalse(output.contains("STARTED although"), output);
            assertTrue(output.contains("FAILED: no secret") && output.contains("No cluster secret"), output);
            assertTrue(output.contains("FAILED: bad setting") && output.contains("ember.cluster.dataPort"), output);
            assertTrue(output.contains("FAILED: port taken"), output);
            assertTrue(output.contains("FAILED: unreachable seed") && output.contains("Could not join"), output);
        }
    }
}
