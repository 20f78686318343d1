package io.ember.benchmarks.compare;

import io.ember.benchmarks.support.BenchmarkData;
import io.ember.benchmarks.support.LauncherJvmOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code bin/ember-bench compare}:
 * <pre>
 * compare [--runs 3] [--warmups 1] [--timeout 600] [--engines ember,spark,duckdb] [--scale-factor 1]
 *         [--heap 2g] [--data benchmarks/data] [--results benchmarks/results]
 *         [--yellow-rows 2000000] [--green-rows 500000] [--lines 2000000] [workloads...]
 * </pre>
 * Workloads as {@link Workload#select} reads them (none: all). {@code --timeout} is per child
 * process, in seconds. Spark's class path comes from the system property
 * {@value #SPARK_CLASSPATH_PROPERTY}, which bin/ember-bench sets; without it Spark cannot run.
 * Ember's child gets the JVM options of {@link LauncherJvmOptions}: the class-data sharing archive
 * Ember's launchers use.
 * An unknown option is an error.
 */
public record CompareOptions(List<Workload> workloads, List<CompareEngine> engines, int runs, int warmups,
                             Duration timeout, double scaleFactor, String heap, Path dataDir, Path resultsDir,
                             long yellowRows, long greenRows, long lines, Optional<String> sparkClasspath,
                             List<String> emberJvmOptions) {
    /** The system property holding the Spark child's class path. */
    public static final String SPARK_CLASSPATH_PROPERTY = "ember.bench.spark.classpath";

    /** Checks the values. */
    public CompareOptions {
        workloads = List.copyOf(workloads);
        engines = List.copyOf(engines);
        emberJvmOptions = List.copyOf(emberJvmOptions);
        if (runs < 1 || warmups < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --warmups at least 0, got " + runs
                    + " and " + warmups);
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("--engines names no engine");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout.toSeconds());
        }
    }

    /** Parses a command line. */
    public static CompareOptions parse(String... args) {
        List<String> workloads = new ArrayList<>();
        int runs = 3;
        int warmups = 1;
        long timeoutSeconds = 600;
        List<CompareEngine> engines = List.of(CompareEngine.values());
        double scaleFactor = 1;
        String heap = "2g";
        Path data = Path.of(BenchmarkData.DEFAULT_DIR);
        Path results = Path.of("benchmarks/results");
        long yellowRows = 2_000_000;
        long greenRows = 500_000;
        long lines = 2_000_000;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                workloads.add(arg);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--warmups" -> warmups = Integer.parseInt(value);
                    case "--timeout" -> timeoutSeconds = Long.parseLong(value);
                    case "--engines" -> engines = Arrays.stream(value.split(",")).map(String::strip)
                            .map(CompareEngine::parse).distinct().toList();
                    case "--scale-factor" -> scaleFactor = Double.parseDouble(value);
                    case "--heap" -> heap = heapSize(value);
                    case "--data" -> data = Path.of(value);
                    case "--results" -> results = Path.of(value);
                    case "--yellow-rows" -> yellowRows = Long.parseLong(value);
                    case "--green-rows" -> greenRows = Long.parseLong(value);
                    case "--lines" -> lines = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " needs a number, got '" + value + "'", e);
            }
        }
        return new CompareOptions(Workload.select(workloads), engines, runs, warmups, Duration.ofSeconds(timeoutSeconds),
                scaleFactor, heap, data, results, yellowRows, greenRows, lines,
                Optional.ofNullable(System.getProperty(SPARK_CLASSPATH_PROPERTY)).filter(cp -> !cp.isBlank()),
                LauncherJvmOptions.get());
    }

    private static String heapSize(String value) {
        if (!value.matches("\\d+[kmgKMG]")) {
            throw new IllegalArgumentException("--heap takes a JVM size such as 2g or 1536m, got '" + value + "'");
        }
        return value;
    }
}
