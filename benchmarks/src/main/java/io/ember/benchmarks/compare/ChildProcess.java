package io.ember.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs one engine's child process to its end, or stops it (by its PID, and any process it
 * started) when it overruns its time. While it runs, its peak resident set ({@code VmHWM} of
 * {@code /proc/<pid>/status}) is sampled every {@value #SAMPLE_MILLIS} ms; the child also
 * reports its own as its last line, and the larger figure is kept. Its output goes to a log file,
 * which the parent reads for the timed runs' lines ({@link RunLoop}).
 */
final class ChildProcess {
    private static final long SAMPLE_MILLIS = 100;
    /** How long a child stopped with SIGTERM gets before SIGKILL. */
    private static final long GRACE_SECONDS = 5;

    /** How a child ended. */
    enum Status { OK, FAILED, TIMED_OUT }

    /** What a child did: how it ended, its timed runs, its peak memory, its whole life's wall time. */
    record Outcome(Status status, List<Double> runMillis, OptionalLong peakRssBytes, double wallMillis, String detail) {
    }

    private ChildProcess() {
    }

    static Outcome run(List<String> command, Duration timeout, Path log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A parent stopped mid-run (Ctrl-C) takes its child with it, rather than leaving it running.
        Thread reaper = new Thread(() -> stopNow(child), "compare-child-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        long deadline = start + timeout.toNanos();
        long peak = 0;
        boolean timedOut = false;
        try {
            while (!child.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, PeakRss.of(child.pid()).orElse(0));
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    stop(child);
                    break;
                }
            }
        } finally {
            if (child.isAlive()) {
                stopNow(child); // interrupted while waiting: the child must not outlive the wait
            }
            removeHook(reaper);
        }
        double wallMillis = (System.nanoTime() - start) / 1e6;
        List<String> lines = Files.readAllLines(log);
        for (String line : lines) {
            if (line.startsWith(RunLoop.RSS_LINE)) {
                peak = Math.max(peak, Long.parseLong(line.substring(RunLoop.RSS_LINE.length()).strip()));
            }
        }
        List<Double> runs = lines.stream().filter(line -> line.startsWith(RunLoop.RUN_LINE))
                .map(line -> Double.parseDouble(line.substring(RunLoop.RUN_LINE.length()).strip()))
                .toList();
        OptionalLong peakRss = peak > 0 ? OptionalLong.of(peak) : OptionalLong.empty();
        if (timedOut) {
            return new Outcome(Status.TIMED_OUT, runs, peakRss, wallMillis,
                    "stopped after " + timeout.toSeconds() + " s; log " + log);
        }
        if (child.exitValue() != 0) {
            return new Outcome(Status.FAILED, runs, peakRss, wallMillis,
                    "exit " + child.exitValue() + ": " + firstError(lines) + "; log " + log);
        }
        return new Outcome(Status.OK, runs, peakRss, wallMillis, "");
    }

    /** SIGTERM to the child and what it started, then SIGKILL to whatever is left after a grace period. */
    private static void stop(Process child) throws InterruptedException {
        child.descendants().forEach(ProcessHandle::destroy);
        child.destroy();
        if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor();
        }
    }

    private static void stopNow(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
    }

    private static void removeHook(Thread reaper) {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs, and stopping an ended child does nothing.
        }
    }

    /** The first line that names an exception or error, shortened: what the table shows. */
    private static String firstError(List<String> lines) {
        return lines.stream()
                .filter(line -> line.contains("Exception") || line.contains("Error"))
                .findFirst()
                .map(line -> line.length() > 200 ? line.substring(0, 200) + "..." : line)
                .orElse("no error line in its output");
    }
}
