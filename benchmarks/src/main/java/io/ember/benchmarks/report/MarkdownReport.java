package io.ember.benchmarks.report;

import io.ember.benchmarks.support.Engine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Renders JMH results of the reference workloads as the Markdown table the README quotes: one
 * row per workload and input size, Ember's median next to its plain-Java floor from the same
 * run, their ratio, and Ember's memory figures.
 *
 * <p>A workload is recognised by its class name, {@code W<n><CamelName>} (so {@code
 * W2WordCount} is "W2 word-count"); the {@code engine} parameter says which side of the pair a
 * result is (none means Ember); every other parameter except {@code dataDir} is the size.
 */
public final class MarkdownReport {
    private static final Pattern WORKLOAD_CLASS = Pattern.compile("W(\\d+)(\\w+)");
    private static final double MB = 1024.0 * 1024.0;

    private MarkdownReport() {
    }

    /**
     * The whole page: a title line, a paragraph about the run (machine, load), the table and
     * the notes that define its columns.
     */
    public static String render(String title, String about, Collection<RunResult> results) {
        StringBuilder page = new StringBuilder("# ").append(title).append("\n\n");
        if (!about.isBlank()) {
            page.append(about.strip()).append("\n\n");
        }
        page.append("| id | workload | size | Ember median (ms) | floor median (ms) | Ember / floor "
                + "| Ember alloc/op (MB) | floor alloc/op (MB) | Ember peak heap (MB) | Ember peak RSS (MB) |\n");
        page.append("|----|----------|------|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows(results)) {
            page.append(row.markdown()).append('\n');
        }
        page.append("""

                Medians of every timed invocation (JMH sample-time mode) over all measurement iterations and forks;
                W8 is per job, W9 per whole process. The floor is the plain-Java baseline of BENCHMARKS.md, run
                in the same session; `–` means the workload has none. alloc/op is JMH's `gc.alloc.rate.norm`
                (`-prof gc`, all threads of the fork). Peak heap is the most heap in use before any GC or at the
                end of an iteration, peak RSS the fork's resident-set high-water mark (`VmHWM`), both the largest
                over iterations (`PeakMemoryProfiler`). For W9 the RSS is the child process's (marked "child");
                its heap and allocation figures describe the parent that waits for it.
                """);
        return page.toString();
    }

    private static List<Row> rows(Collection<RunResult> results) {
        Map<String, Long> methodsPerClass = results.stream()
                .map(r -> r.getParams().getBenchmark())
                .distinct()
                .collect(Collectors.groupingBy(MarkdownReport::className, Collectors.counting()));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            String size = sizeOf(params);
            Row row = rows.computeIfAbsent(benchmark + "|" + size,
                    key -> Row.of(benchmark, methodsPerClass.get(className(benchmark)) > 1, size));
            if (Engine.FLOOR.name().equals(params.getParam("engine"))) {
                row.floor = result;
            } else {
                row.ember = result;
            }
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingInt((Row r) -> r.number).thenComparing(r -> r.name)
                .thenComparing(r -> r.size));
        return sorted;
    }

    /** {@code io.ember.benchmarks.W2WordCount.topWords} to {@code io.ember.benchmarks.W2WordCount}. */
    private static String className(String benchmark) {
        return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    private static String sizeOf(BenchmarkParams params) {
        String size = params.getParamsKeys().stream()
                .filter(key -> !key.equals("engine") && !key.equals("dataDir"))
                .map(key -> key + "=" + withSeparators(params.getParam(key)))
                .collect(Collectors.joining(", "));
        return size.isEmpty() ? "–" : size;
    }

    private static String withSeparators(String value) {
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** One table row; the two results are filled in as they are found. */
    private static final class Row {
        final int number;
        final String id;
        final String name;
        final String size;
        RunResult ember;
        RunResult floor;

        private Row(int number, String id, String name, String size) {
            this.number = number;
            this.id = id;
            this.name = name;
            this.size = size;
        }

        /** Named after the class ("W2WordCount" is W2 "word-count"), plus the method if the class has several. */
        static Row of(String benchmark, boolean nameTheMethod, String size) {
            String className = className(benchmark);
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Matcher m = WORKLOAD_CLASS.matcher(simpleName);
            if (!m.matches()) {
                return new Row(Integer.MAX_VALUE, "", simpleName + "." + method, size);
            }
            String name = m.group(2).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            return new Row(Integer.parseInt(m.group(1)), "W" + m.group(1),
                    nameTheMethod ? name + " (" + method + ")" : name, size);
        }

        String markdown() {
            Optional<Double> emberMs = Optional.ofNullable(ember).map(Row::medianMillis);
            Optional<Double> floorMs = Optional.ofNullable(floor).map(Row::medianMillis);
            String ratio = emberMs.isPresent() && floorMs.isPresent()
                    ? String.format(Locale.ROOT, "%.1fx", emberMs.get() / floorMs.get()) : "–";
            return String.join(" | ", "| " + id, name, size,
                    emberMs.map(Row::figure).orElse("–"), floorMs.map(Row::figure).orElse("–"), ratio,
                    secondary(ember, "gc.alloc.rate.norm", 1 / MB), secondary(floor, "gc.alloc.rate.norm", 1 / MB),
                    secondary(ember, "mem.heap.peak", 1), rss(ember)) + " |";
        }

        /** The median in milliseconds, whatever unit the benchmark reported in. */
        static double medianMillis(RunResult result) {
            Result<?> primary = result.getPrimaryResult();
            double median = primary.getStatistics().getPercentile(50.0);
            return median * TimeUnit.NANOSECONDS.convert(1, result.getParams().getTimeUnit()) / 1e6;
        }

        /** A child process's peak where the benchmark measures one, else the fork's own. */
        static String rss(RunResult result) {
            boolean child = result != null && result.getSecondaryResults().containsKey("mem.child.rss.peak");
            String figure = secondary(result, child ? "mem.child.rss.peak" : "mem.rss.peak", 1);
            return child ? figure + " (child)" : figure;
        }

        static String secondary(RunResult result, String label, double scale) {
            if (result == null || !result.getSecondaryResults().containsKey(label)) {
                return "–";
            }
            return figure(result.getSecondaryResults().get(label).getScore() * scale);
        }

        /** Three significant digits or more, so small and large figures both read well. */
        static String figure(double value) {
            if (Double.isNaN(value)) {
                return "–";
            }
            double magnitude = Math.abs(value);
            String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
            return String.format(Locale.ROOT, pattern, value);
        }
    }
}
