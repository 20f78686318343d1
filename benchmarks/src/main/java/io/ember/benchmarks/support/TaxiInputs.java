package io.ember.benchmarks.support;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.types.StructType;
import io.ember.examples.TaxiRevenue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The inputs of the DataFrame workloads (W3-W7), derived from {@link BenchmarkData}'s trip CSVs:
 * the CSVs themselves, their snappy Parquet copies written by Ember's own Parquet writer, and the
 * zone lookup table the examples module ships. Every file is made once per data directory and
 * reused; a Parquet copy's name carries the row count, like the CSV's.
 *
 * <p>A copy is written by Ember's atomic writer (staging directory, then a rename at commit), so
 * a directory that exists is complete: an interrupted setup never leaves one behind.
 */
public final class TaxiInputs {
    /** The yellow columns, typed as BENCHMARKS.md asks (ints, doubles, timestamps; the flag a string): the example's. */
    public static final String YELLOW_SCHEMA = TaxiRevenue.YELLOW_SCHEMA;
    /** The green columns, typed the same way: the example's. */
    public static final String GREEN_SCHEMA = TaxiRevenue.GREEN_SCHEMA;
    /** The zone lookup's columns (the file has a header). */
    public static final String ZONE_SCHEMA = "LocationID INT, Borough STRING, Zone STRING, service_zone STRING";

    private TaxiInputs() {
    }

    /** The yellow CSV of {@code rows} trips ({@link BenchmarkData#yellowTrips}). */
    public static Path yellowCsv(String dataDir, long rows) throws IOException {
        return BenchmarkData.yellowTrips(dataDir, rows);
    }

    /** The green CSV of {@code rows} trips ({@link BenchmarkData#greenTrips}). */
    public static Path greenCsv(String dataDir, long rows) throws IOException {
        return BenchmarkData.greenTrips(dataDir, rows);
    }

    /** The yellow trips as snappy Parquet, {@code yellow-2021-01-<rows>.parquet/}, written by Ember from the CSV. */
    public static Path yellowParquet(EmberSession spark, String dataDir, long rows) throws IOException {
        return parquetCopy(spark, yellowCsv(dataDir, rows), YELLOW_SCHEMA);
    }

    /** The green trips as snappy Parquet, {@code green-2021-01-<rows>.parquet/}. */
    public static Path greenParquet(EmberSession spark, String dataDir, long rows) throws IOException {
        return parquetCopy(spark, greenCsv(dataDir, rows), GREEN_SCHEMA);
    }

    /** {@code taxi_zone_lookup.csv} (265 zones), copied from the examples module's resources. */
    public static Path zoneLookup(String dataDir) throws IOException {
        Path file = Path.of(dataDir, "taxi_zone_lookup.csv");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), "taxi_zone_lookup", ".partial");
        try (InputStream in = TaxiRevenue.class.getResourceAsStream("/taxi_zone_lookup.csv")) {
            if (in == null) {
                throw new IllegalStateException("taxi_zone_lookup.csv is not on the class path (ember-examples)");
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** A fresh, empty directory for a workload's output under the data directory, removed first if present. */
    public static Path outputDir(String dataDir, String name) {
        Path dir = Path.of(dataDir, "out", name);
        deleteRecursively(dir);
        return dir;
    }

    /** Deletes a file tree if it exists. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path parquetCopy(EmberSession spark, Path csv, String schema) {
        String name = csv.getFileName().toString().replaceFirst("\\.csv$", ".parquet");
        Path dir = csv.resolveSibling(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        long start = System.nanoTime();
        System.out.printf("# Writing the Parquet copy %s ...%n", dir.toAbsolutePath());
        spark.read().option("header", "true").schema(StructType.fromDDL(schema)).csv(csv.toString())
                .write().option("compression", "snappy").parquet(dir.toString());
        System.out.printf("# Wrote %s in %d ms%n", dir, (System.nanoTime() - start) / 1_000_000);
        return dir;
    }
}
