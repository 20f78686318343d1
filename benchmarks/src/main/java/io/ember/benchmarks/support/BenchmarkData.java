package io.ember.benchmarks.support;

import io.ember.examples.TaxiTripsGenerator;
import io.ember.examples.WordsGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * The inputs of the reference workloads, generated with the project's own deterministic
 * generators into a data directory and reused by later runs.
 *
 * <p>A file's name carries every argument that shapes it (kind, month, rows), so a file on disk
 * is always the one asked for and different sizes live side by side. The generators write
 * atomically, so an interrupted run never leaves a partial file that a later run would trust.
 * Workloads that need other inputs (Parquet copies, the zone lookup) add a method here that
 * derives them from these files in the same way.
 */
public final class BenchmarkData {
    /** Where inputs go unless a benchmark's {@code dataDir} parameter says otherwise (relative to the repository root). */
    public static final String DEFAULT_DIR = "benchmarks/data";
    /** The seed of every generated input, so figures are comparable across runs and machines. */
    public static final long SEED = 42;
    /** The month of the trip files. */
    public static final YearMonth MONTH = YearMonth.of(2021, 1);

    private BenchmarkData() {
    }

    /** Lines of 12 Zipf-distributed words ({@link WordsGenerator}): {@code words-<lines>.txt}. */
    public static Path words(String dataDir, long lines) throws IOException {
        Path file = Path.of(dataDir, "words-" + lines + ".txt");
        return reuseOrGenerate(file, () -> WordsGenerator.write(file, lines, SEED));
    }

    /** Yellow taxi trips with a header ({@link TaxiTripsGenerator}): {@code yellow-2021-01-<rows>.csv}. */
    public static Path yellowTrips(String dataDir, long rows) throws IOException {
        Path file = Path.of(dataDir, "yellow-" + MONTH + "-" + rows + ".csv");
        return reuseOrGenerate(file, () -> TaxiTripsGenerator.writeYellow(file, rows, MONTH, SEED, 0));
    }

    /** Green taxi trips with a header ({@link TaxiTripsGenerator}): {@code green-2021-01-<rows>.csv}. */
    public static Path greenTrips(String dataDir, long rows) throws IOException {
        Path file = Path.of(dataDir, "green-" + MONTH + "-" + rows + ".csv");
        return reuseOrGenerate(file, () -> TaxiTripsGenerator.writeGreen(file, rows, MONTH, SEED, 0));
    }

    /** Writes one input file; it must write atomically (the project's generators do). */
    @FunctionalInterface
    private interface Generation {
        void run() throws IOException;
    }

    private static Path reuseOrGenerate(Path file, Generation generation) throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        long start = System.nanoTime();
        // JMH prints a fork's stdout with the run's log: say why this trial's setup is slow.
        System.out.printf("# Generating %s ...%n", file.toAbsolutePath());
        generation.run();
        System.out.printf("# Generated %s (%,d bytes) in %d ms%n", file, Files.size(file),
                (System.nanoTime() - start) / 1_000_000);
        return file;
    }
}
