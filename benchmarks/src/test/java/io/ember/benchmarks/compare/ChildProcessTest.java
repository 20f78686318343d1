package io.ember.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A child that overruns is stopped and reported, one that fails is reported with its error; the run lines are read. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@EnabledOnOs(OS.LINUX)
class ChildProcessTest {
    @TempDir
    Path dir;

    @Test
    void overrunningChild_isStoppedByItsPidAndReportedAsTimedOut() throws Exception {
        long start = System.nanoTime();
        ChildProcess.Outcome outcome = ChildProcess.run(List.of("sleep", "60"), Duration.ofSeconds(1),
                dir.resolve("sleep.log"));
        assertEquals(ChildProcess.Status.TIMED_OUT, outcome.status());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "stopped, not waited for");
        assertTrue(outcome.detail().contains("stopped after 1 s"), outcome.detail());
    }

    @Test
    void childOutput_givesTheTimedRunsAndItsPeakMemory() throws Exception {
        ChildProcess.Outcome outcome = ChildProcess.run(List.of("sh", "-c", "echo '#compare-ms=12.5'; "
                + "echo '#compare-ms=7.25'; echo '#compare-peak-rss-bytes=123456789'"), Duration.ofSeconds(10),
                dir.resolve("runs.log"));
        assertEquals(ChildProcess.Status.OK, outcome.status());
        assertEquals(List.of(12.5, 7.25), outcome.runMillis());
        assertTrue(outcome.peakRssBytes().getAsLong() >= 123456789L);
        assertEquals(9.875, Measurement.median(outcome.runMillis()), 1e-9);
    }

    @Test
    void failingChild_isReportedWithItsErrorLine() throws Exception {
        ChildProcess.Outcome outcome = ChildProcess.run(List.of("sh", "-c",
                "echo starting; echo 'java.lang.IllegalStateException: no such table' >&2; exit 3"),
                Duration.ofSeconds(10), dir.resolve("fail.log"));
        assertEquals(ChildProcess.Status.FAILED, outcome.status());
        assertTrue(outcome.detail().startsWith("exit 3: java.lang.IllegalStateException: no such table"),
                outcome.detail());
    }
}
