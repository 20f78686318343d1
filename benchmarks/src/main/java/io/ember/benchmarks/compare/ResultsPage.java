package io.ember.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code RESULTS.md}, beside the results directory: the page the README links. Rewritten after
 * every comparison from what the results directory holds: the latest comparison's table in full,
 * then links to every comparison and every JMH run, newest first.
 */
final class ResultsPage {
    private static final Pattern DATED = Pattern.compile("(.*\\d{4}-\\d{2}-\\d{2})(?:-(\\d+))?(.*)");

    private ResultsPage() {
    }

    /** Where the page is for a results directory. */
    static Path file(Path resultsDir) {
        Path parent = resultsDir.toAbsolutePath().getParent();
        return parent.resolve("RESULTS.md");
    }

    static void update(Path resultsDir) throws IOException {
        List<Path> comparisons = pages(resultsDir, true);
        List<Path> jmhRuns = pages(resultsDir, false);
        String dirName = resultsDir.toAbsolutePath().getFileName().toString();
        StringBuilder page = new StringBuilder("""
                # Benchmark results

                Written by `bin/ember-bench compare` (see [README.md](README.md)): every workload of
                BENCHMARKS.md and the 22 TPC-H queries on Ember, Apache Spark 3.5 and DuckDB, each in its
                own process, in one session. Ratios measured in one run are what we quote; absolute times
                of different runs vary by up to 1.5x.

                """);
        if (!comparisons.isEmpty()) {
            Path latest = comparisons.get(0);
            page.append("## Latest comparison: [").append(stem(latest)).append("](").append(dirName).append('/')
                    .append(latest.getFileName()).append(")\n\n");
            List<String> lines = Files.readAllLines(latest);
            // The comparison's own title is replaced by the heading above.
            lines.stream().skip(lines.isEmpty() || !lines.get(0).startsWith("# ") ? 0 : 1)
                    .forEach(line -> page.append(line).append('\n'));
            page.append("\n## Every comparison\n\n");
            comparisons.forEach(p -> page.append("- [").append(stem(p)).append("](").append(dirName).append('/')
                    .append(p.getFileName()).append(")\n"));
        }
        if (!jmhRuns.isEmpty()) {
            page.append("\n## JMH runs of Ember's reference workloads (`bin/ember-bench quick|full`)\n\n");
            jmhRuns.forEach(p -> page.append("- [").append(stem(p)).append("](").append(dirName).append('/')
                    .append(p.getFileName()).append(")\n"));
        }
        Files.writeString(file(resultsDir), page.toString().replaceAll("\n{3,}", "\n\n"));
    }

    private static List<Path> pages(Path dir, boolean comparisons) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> p.getFileName().toString().startsWith("compare-") == comparisons)
                    .sorted(Comparator.comparing(ResultsPage::sortKey).reversed())
                    .toList();
        }
    }

    /** compare-2026-12-02-2 sorts after compare-2026-12-02: the run number, zero-padded. */
    private static String sortKey(Path page) {
        String stem = stem(page);
        Matcher m = DATED.matcher(stem);
        if (!m.matches()) {
            return stem;
        }
        int run = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return m.group(1) + String.format(Locale.ROOT, "-%04d", run) + m.group(3);
    }

    private static String stem(Path page) {
        return page.getFileName().toString().replaceFirst("\\.md$", "");
    }
}
