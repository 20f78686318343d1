package io.ember.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This process's peak resident set size, as Linux keeps it ({@code VmHWM} in
 * {@code /proc/self/status}): the figure the Spark and DuckDB memory columns of BENCHMARKS.md
 * use. Depends on nothing but the JDK, so a child JVM can report it at almost no cost.
 */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** The peak resident set in bytes, or empty where the platform does not tell. */
    static OptionalLong peakRssBytes() {
        try {
            return Files.readAllLines(STATUS).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Sets the peak back to the current resident set: writing 5 to clear_refs (Linux 4.0+). */
    static void resetPeakRss() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or not allowed: the peak then covers the process's whole life so far.
        }
    }
}
