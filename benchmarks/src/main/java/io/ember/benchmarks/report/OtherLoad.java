package io.ember.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much CPU other processes took while the benchmarks ran. On a 2-core machine a build
 * running next to a benchmark halves Ember's parallelism but not a one-thread floor's, so a
 * run's ratios are only worth comparing if the machine was otherwise idle.
 *
 * <p>The load average cannot tell: the benchmark's own forks raise it. Instead this compares the
 * machine's busy CPU time ({@code /proc/stat}) with this process's, which includes every fork
 * and child process it waited for ({@code /proc/self/stat}); the difference is everyone else's.
 * Linux only: elsewhere the figure is missing and the report says just the load average.
 */
public final class OtherLoad {
    private static final Path MACHINE = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    private final double loadAverage;
    private final Optional<long[]> start;
    private final long startNanos;

    private OtherLoad(double loadAverage, Optional<long[]> start, long startNanos) {
        this.loadAverage = loadAverage;
        this.start = start;
        this.startNanos = startNanos;
    }

    /** Starts measuring: call just before the run. */
    public static OtherLoad start() {
        return new OtherLoad(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ticks(),
                System.nanoTime());
    }

    /** The cores other processes kept busy on average since {@link #start()}, if measurable. */
    Optional<Double> othersCores() {
        Optional<long[]> end = ticks();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (start.isEmpty() || end.isEmpty() || seconds <= 0) {
            return Optional.empty();
        }
        long machineBusy = end.get()[0] - start.get()[0];
        long ours = end.get()[1] - start.get()[1];
        // USER_HZ: the kernel reports both files in hundredths of a second on every mainstream build.
        return Optional.of(Math.max(0, machineBusy - ours) / 100.0 / seconds);
    }

    /** One sentence for the report, with a warning when the run was disturbed. */
    public String describe(int cores) {
        String load = String.format(Locale.ROOT, "load average %.2f when the run started", loadAverage);
        return othersCores().map(others -> String.format(Locale.ROOT,
                        "Other processes used %.2f of the %d cores on average during the run (%s).%s", others, cores,
                        load, others > 0.2 ? " They competed with the benchmarks: compare these ratios with care." : ""))
                .orElse("The " + load + ".");
    }

    /** {machine busy ticks, this process's and its waited-for children's ticks}, or empty off Linux. */
    private static Optional<long[]> ticks() {
        try {
            long[] cpu = Arrays.stream(Files.readAllLines(MACHINE).get(0).trim().split("\\s+"))
                    .skip(1).mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal ...: everything but idle and iowait is busy
            long busy = Arrays.stream(cpu).limit(8).sum() - cpu[3] - cpu[4];
            String self = Files.readString(SELF);
            // fields after the ")" that closes the command name: utime is the 12th, then stime, cutime, cstime
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long ours = 0;
            for (int i = 11; i <= 14; i++) {
                ours += Long.parseLong(fields[i]);
            }
            return Optional.of(new long[] {busy, ours});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
