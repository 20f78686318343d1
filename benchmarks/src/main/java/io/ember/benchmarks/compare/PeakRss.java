package io.ember.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A process's peak resident set size as Linux keeps it: {@code VmHWM} in
 * {@code /proc/<pid>/status}, in bytes. The figure of BENCHMARKS.md's memory row for every engine.
 */
final class PeakRss {
    private PeakRss() {
    }

    /** {@code VmHWM} of the lines of a status file, if there is one. */
    static OptionalLong parse(List<String> statusLines) {
        return statusLines.stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                .findFirst();
    }

    /** The peak resident set of a running process, or empty when it has gone (or off Linux). */
    static OptionalLong of(long pid) {
        try {
            return parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty(); // the process has just exited: its last sample stands
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // not Linux, or a status file being torn down: no sample
        }
    }
}
