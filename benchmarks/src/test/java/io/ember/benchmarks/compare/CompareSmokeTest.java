package io.ember.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare harness end to end on tiny inputs, Ember against DuckDB (Spark's children need
 * benchmarks/spark built and take seconds each to start: bin/ember-bench runs them): each in its
 * own child JVMs, timed, their peak memory read, their answers checked against each other, the
 * page and RESULTS.md written. About 20 s on an idle machine (most of it JVM start-ups and
 * generating the TPC-H tables); the time limits leave room for a machine shared by many builds.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CompareSmokeTest {
    @TempDir
    Path dir;

    @Test
    void compare_tinyJobsAndTwoTpchQueries_emberAndDuckDbAgree() throws Exception {
        CompareOptions options = CompareOptions.parse("--engines", "ember,duckdb", "--runs", "1", "--warmups", "0",
                "--timeout", "180", "--scale-factor", "0.01", "--data", dir.resolve("data").toString(),
                "--results", dir.resolve("results").toString(), "W8", "tpch:Q1", "tpch:Q6");

        Compare.Result result = Compare.run(options);

        assertEquals(List.of("W8", "Q1", "Q6"), result.rows().stream().map(r -> r.workload().id()).toList());
        for (Compare.Row row : result.rows()) {
            for (Map.Entry<CompareEngine, Measurement> e : row.results().entrySet()) {
                Measurement m = e.getValue();
                assertTrue(m.ok(), row.workload().id() + " on " + e.getKey() + ": " + m.status() + " " + m.detail());
                assertTrue(m.medianMillis().getAsDouble() > 0, row.workload().id() + " on " + e.getKey());
                if (Files.isReadable(Path.of("/proc/self/status"))) {
                    assertTrue(m.peakRssBytes().getAsLong() > 20L << 20, "a JVM's peak RSS is above 20 MB");
                }
            }
            assertEquals("agree", row.agreement(), row.workload().id());
        }
        // Independent of either engine: 200 jobs of 100 elements; TPC-H Q1 has four (returnflag, linestatus) groups.
        List<List<String>> tinyJobs = result.rows().get(0).results().get(CompareEngine.EMBER).answer().orElseThrow();
        assertEquals(List.of(List.of("20000")), tinyJobs);
        List<List<String>> q1 = result.rows().get(1).results().get(CompareEngine.EMBER).answer().orElseThrow();
        assertEquals(List.of("A F", "N F", "N O", "R F"), q1.stream().map(r -> r.get(0) + " " + r.get(1)).toList());

        String page = Files.readString(result.page());
        assertTrue(page.contains("| W8 tiny-jobs (ms per job) | "), page);
        assertTrue(page.contains("| TPC-H Q6 | "), page);
        String results = Files.readString(ResultsPage.file(options.resultsDir()));
        assertTrue(results.contains("](results/" + result.page().getFileName() + ")"), results);
    }
}
