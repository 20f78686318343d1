package io.ember.benchmarks.compare;

import io.ember.benchmarks.support.LauncherJvmOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The Markdown page of one comparison: the run's settings and the machine's load, then one row per
 * workload with each engine's median, Ember's ratio to Spark and to DuckDB, each engine's peak
 * resident set, and whether the answers agree; for TPC-H, the geometric means of the ratios.
 */
final class CompareReport {
    private static final double MB = 1024.0 * 1024.0;

    private CompareReport() {
    }

    static String render(String title, CompareOptions options, double loadAtStart, double loadAtEnd,
                         String otherLoad, List<Compare.Row> rows) {
        StringBuilder page = new StringBuilder("# Ember, Spark and DuckDB side by side: ").append(title).append("\n\n");
        page.append(String.format(Locale.ROOT, "JDK %s, %d cores, %s. Load average (1 min) %.2f at the start, %.2f at "
                        + "the end. %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), loadAtStart, loadAtEnd,
                otherLoad));
        page.append(String.format(Locale.ROOT, "Each engine in its own JVM per workload (-Xmx%s, UTC): Ember and Spark "
                        + "`local[2]` (Spark 3.5, UI off), DuckDB 2 threads. Median of %d timed run(s) after %d warm-up(s); "
                        + "W9 times whole processes. Timeout %d s per child.", options.heap(), options.runs(),
                options.warmups(), options.timeout().toSeconds()));
        if (LauncherJvmOptions.mapsArchive(options.emberJvmOptions())) {
            page.append(" Ember's JVM maps the class-data sharing archive its launchers use (bin/lib/cds.sh).");
        }
        if (options.workloads().stream().anyMatch(w -> !w.isTpch())) {
            page.append(String.format(Locale.ROOT, " Yellow trips %,d rows, green %,d, words %,d lines.",
                    options.yellowRows(), options.greenRows(), options.lines()));
        }
        if (options.workloads().stream().anyMatch(Workload::isTpch)) {
            page.append(" TPC-H at scale factor ").append(fmtScale(options.scaleFactor())).append('.');
        }
        page.append("\n\n");
        if (rows.size() < options.workloads().size()) {
            page.append(String.format(Locale.ROOT, "**Incomplete: %d of %d workloads measured so far.**%n%n", rows.size(),
                    options.workloads().size()));
        }
        page.append("| workload | Ember ms | Spark ms | DuckDB ms | Ember/Spark | Ember/DuckDB "
                + "| Ember peak RSS MB | Spark peak RSS MB | DuckDB peak RSS MB | answers |\n");
        page.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Compare.Row row : rows) {
            Map<CompareEngine, Measurement> r = row.results();
            page.append("| ").append(row.workload().label())
                    .append(" | ").append(millis(r.get(CompareEngine.EMBER)))
                    .append(" | ").append(millis(r.get(CompareEngine.SPARK)))
                    .append(" | ").append(millis(r.get(CompareEngine.DUCKDB)))
                    .append(" | ").append(ratio(r.get(CompareEngine.EMBER), r.get(CompareEngine.SPARK)))
                    .append(" | ").append(ratio(r.get(CompareEngine.EMBER), r.get(CompareEngine.DUCKDB)))
                    .append(" | ").append(rss(r.get(CompareEngine.EMBER)))
                    .append(" | ").append(rss(r.get(CompareEngine.SPARK)))
                    .append(" | ").append(rss(r.get(CompareEngine.DUCKDB)))
                    .append(" | ").append(row.agreement().replace("|", "\\|"))
                    .append(" |\n");
        }
        List<Compare.Row> tpch = rows.stream().filter(row -> row.workload().isTpch()).toList();
        if (!tpch.isEmpty()) {
            page.append('\n').append(tpchSummary(tpch));
        }
        page.append("""

                Ratios below 1 mean Ember is faster. `–`: the engine was not run; `failed` or `timeout`: the child
                failed or was stopped (its log is under `<data>/out/compare-logs/`). Peak RSS is each child's
                `VmHWM` (the largest of the children for W9). Answers are checked against DuckDB's (numbers to a
                relative 1e-6).
                """);
        return page.toString();
    }

    private static String tpchSummary(List<Compare.Row> tpch) {
        StringBuilder s = new StringBuilder();
        for (CompareEngine other : List.of(CompareEngine.SPARK, CompareEngine.DUCKDB)) {
            double logSum = 0;
            int n = 0;
            for (Compare.Row row : tpch) {
                OptionalDouble ember = value(row.results().get(CompareEngine.EMBER));
                OptionalDouble them = value(row.results().get(other));
                if (ember.isPresent() && them.isPresent() && them.getAsDouble() > 0) {
                    logSum += Math.log(ember.getAsDouble() / them.getAsDouble());
                    n++;
                }
            }
            if (n > 0) {
                s.append(String.format(Locale.ROOT, "TPC-H, Ember/%s geometric mean over the %d queries both completed: "
                        + "%.2fx.%n", other.title(), n, Math.exp(logSum / n)));
            }
        }
        for (CompareEngine engine : CompareEngine.values()) {
            long done = tpch.stream().filter(row -> value(row.results().get(engine)).isPresent()).count();
            if (tpch.stream().anyMatch(row -> row.results().containsKey(engine))) {
                double total = tpch.stream().mapToDouble(row -> value(row.results().get(engine)).orElse(0)).sum();
                s.append(String.format(Locale.ROOT, "%s completed %d of %d queries, %,.0f ms in all.%n", engine.title(),
                        done, tpch.size(), total));
            }
        }
        return s.toString();
    }

    private static OptionalDouble value(Measurement m) {
        return m == null || !m.ok() ? OptionalDouble.empty() : m.medianMillis();
    }

    private static String millis(Measurement m) {
        if (m == null) {
            return "–";
        }
        return switch (m.status()) {
            case OK -> number(m.medianMillis().getAsDouble());
            case TIMED_OUT -> "timeout";
            case FAILED -> "failed";
        };
    }

    private static String ratio(Measurement ember, Measurement other) {
        OptionalDouble e = value(ember);
        OptionalDouble o = value(other);
        if (e.isEmpty() || o.isEmpty() || o.getAsDouble() <= 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2fx", e.getAsDouble() / o.getAsDouble());
    }

    private static String rss(Measurement m) {
        return m == null || m.peakRssBytes().isEmpty() ? "–" : String.format(Locale.ROOT, "%,.0f",
                m.peakRssBytes().getAsLong() / MB);
    }

    static String number(double millis) {
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f", millis);
        }
        if (millis < 100) {
            return String.format(Locale.ROOT, "%.1f", millis);
        }
        return String.format(Locale.ROOT, "%,.0f", millis);
    }

    private static String fmtScale(double scaleFactor) {
        return java.math.BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
    }
}
