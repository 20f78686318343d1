package io.ember.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Starts a fresh JVM on this JVM's class path, for benchmarks of whole processes. The child gets
 * the {@link LauncherJvmOptions} only, so it starts as an application started by Ember's launchers
 * would.
 *
 * <p>A child that ends with {@link #reportPeakRss()} tells its parent its peak resident set; the
 * largest since {@link #resetPeakRss()} is {@link #peakRssBytes()}, which the
 * {@link PeakMemoryProfiler} reports, since the parent's own memory says nothing about the child.
 */
public final class ChildJvm {
    /** Longer than any healthy start-up by far: a child still alive then is stuck, not slow. */
    private static final long TIMEOUT_SECONDS = 60;
    private static final String PEAK_RSS_LINE = "#ember-child-peak-rss-bytes=";
    private static final AtomicLong PEAK_RSS = new AtomicLong();

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} in a new JVM and waits for it to exit.
     *
     * @return the exit code, 0
     * @throws IllegalStateException if the child fails or does not exit in time, with its output
     */
    public static int run(Class<?> mainClass) throws IOException, InterruptedException {
        // The child's output goes to a file, not to JMH's console, and is shown only if it fails.
        Path output = Files.createTempFile("ember-child", ".log");
        try {
            Process child = new ProcessBuilder(command(mainClass))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                throw failure(mainClass, "did not exit within " + TIMEOUT_SECONDS + " s", output);
            }
            if (child.exitValue() != 0) {
                throw failure(mainClass, "exited with " + child.exitValue(), output);
            }
            recordPeakRss(output);
            return child.exitValue();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** In the child, as its last act: prints its peak resident set for the parent (Linux only). */
    public static void reportPeakRss() {
        ProcessMemory.peakRssBytes().ifPresent(bytes -> System.out.println(PEAK_RSS_LINE + bytes));
    }

    /** Forgets the children's peak, at the start of a measurement iteration. */
    static void resetPeakRss() {
        PEAK_RSS.set(0);
    }

    /** The largest peak resident set a child reported since the last reset, if any did. */
    static OptionalLong peakRssBytes() {
        long peak = PEAK_RSS.get();
        return peak > 0 ? OptionalLong.of(peak) : OptionalLong.empty();
    }

    private static void recordPeakRss(Path output) throws IOException {
        try (Stream<String> lines = Files.lines(output)) {
            lines.filter(line -> line.startsWith(PEAK_RSS_LINE))
                    .mapToLong(line -> Long.parseLong(line.substring(PEAK_RSS_LINE.length()).strip()))
                    .forEach(bytes -> PEAK_RSS.accumulateAndGet(bytes, Math::max));
        }
    }

    private static List<String> command(Class<?> mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(LauncherJvmOptions.get());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        return command;
    }

    private static IllegalStateException failure(Class<?> mainClass, String what, Path output) throws IOException {
        return new IllegalStateException("Child JVM " + mainClass.getName() + " " + what + "; its output:\n"
                + Files.readString(output));
    }
}
