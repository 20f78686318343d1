package io.ember.benchmarks.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The measuring loop of an engine's child: warm-up runs, then timed runs, each printed as a line
 * the parent reads ({@value #RUN_LINE}milliseconds); the last run's answer goes to the answers
 * file; the last line is the child's own peak resident set ({@value #RSS_LINE}bytes, from
 * {@code VmHWM}), which the parent also samples from outside while the child runs.
 */
public final class RunLoop {
    /** Prefix of a timed run's line. */
    public static final String RUN_LINE = "#compare-ms=";
    /** Prefix of the peak resident set line. */
    public static final String RSS_LINE = "#compare-peak-rss-bytes=";

    private RunLoop() {
    }

    /** One run of a workload, returning its answer's rows. */
    @FunctionalInterface
    public interface Job {
        List<List<Object>> run() throws Exception;
    }

    /**
     * Runs {@code job} {@code warmups} times untimed, then {@code runs} times timed; a run's time
     * is divided by {@code operations} (W8 reports milliseconds per job of its 200).
     */
    public static void measure(ChildArgs args, int operations, Job job) throws Exception {
        List<List<Object>> answer = List.of();
        for (int i = 0; i < args.count("warmups"); i++) {
            answer = job.run();
        }
        for (int i = 0; i < args.count("runs"); i++) {
            long start = System.nanoTime();
            answer = job.run();
            double millis = (System.nanoTime() - start) / 1e6 / operations;
            System.out.println(RUN_LINE + String.format(Locale.ROOT, "%.4f", millis));
        }
        Answers.write(args.path("answers"), answer);
        reportPeakRss();
    }

    /** Prints this process's peak resident set for the parent (Linux only; elsewhere nothing). */
    public static void reportPeakRss() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return;
        }
        PeakRss.parse(Files.readAllLines(status)).ifPresent(bytes -> System.out.println(RSS_LINE + bytes));
    }
}
