package io.ember.benchmarks.compare;

import io.ember.benchmarks.support.BenchmarkData;
import io.ember.benchmarks.support.EmberSessions;
import io.ember.benchmarks.support.TaxiInputs;
import io.ember.benchmarks.tpch.TpchQueries;
import io.ember.benchmarks.tpch.TpchTables;
import io.ember.dataframe.EmberSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files every engine of a comparison reads, made once in the data directory before any child
 * starts, and only those the selected workloads need: the words, the yellow CSV, the Parquet
 * copies of the trips (written by Ember, read by all three), the zone table, the TPC-H tables
 * (written by DuckDB) and each query's text as a file (the Spark child has no copy of the
 * resources), and the CSV schemas. Children get them as {@link ChildArgs}.
 */
final class CompareInputs {
    private static final Set<String> TRIP_PARQUET = Set.of("W4", "W5", "W6", "W7top", "W7sort");

    private final Map<String, String> paths;
    private final Path queryDir;

    private CompareInputs(Map<String, String> paths, Path queryDir) {
        this.paths = Map.copyOf(paths);
        this.queryDir = queryDir;
    }

    static CompareInputs prepare(CompareOptions options) throws IOException {
        String data = options.dataDir().toString();
        List<String> ids = options.workloads().stream().map(Workload::id).toList();
        Map<String, String> paths = new LinkedHashMap<>();
        Path out = options.dataDir().resolve("out").resolve("compare");
        Files.createDirectories(out);
        paths.put("out", out.toAbsolutePath().toString());
        if (ids.contains("W2")) {
            paths.put("words", abs(BenchmarkData.words(data, options.lines())));
        }
        if (ids.contains("W3")) {
            paths.put("yellowCsv", abs(TaxiInputs.yellowCsv(data, options.yellowRows())));
            paths.put("yellowSchema", TaxiInputs.YELLOW_SCHEMA);
        }
        if (ids.stream().anyMatch(TRIP_PARQUET::contains)) {
            try (EmberSession spark = EmberSessions.start("compare-inputs")) {
                paths.put("yellowParquet", abs(TaxiInputs.yellowParquet(spark, data, options.yellowRows())));
                if (ids.contains("W6")) {
                    paths.put("greenParquet", abs(TaxiInputs.greenParquet(spark, data, options.greenRows())));
                }
            }
        }
        if (ids.contains("W5")) {
            paths.put("zones", abs(TaxiInputs.zoneLookup(data)));
            paths.put("zoneSchema", TaxiInputs.ZONE_SCHEMA);
        }
        if (options.workloads().stream().anyMatch(Workload::isTpch)) {
            paths.put("tpch", abs(TpchTables.parquet(data, options.scaleFactor())));
            for (Workload w : options.workloads()) {
                if (w.isTpch()) {
                    Files.writeString(out.resolve(w.id().toLowerCase() + ".sql"), TpchQueries.text(w.tpchNumber()));
                }
            }
        }
        return new CompareInputs(paths, out);
    }

    /** The inputs' arguments for a child running {@code workload}. */
    Map<String, String> argsFor(Workload workload) {
        Map<String, String> args = new LinkedHashMap<>(paths);
        if (workload.isTpch()) {
            args.put("sql", queryDir.resolve(workload.id().toLowerCase() + ".sql").toAbsolutePath().toString());
        }
        return args;
    }

    private static String abs(Path path) {
        return path.toAbsolutePath().toString();
    }
}
