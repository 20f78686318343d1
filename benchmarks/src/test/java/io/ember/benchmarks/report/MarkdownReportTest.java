package io.ember.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.benchmarks.support.PeakMemoryProfiler;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The report of a real (tiny, in-process) JMH run: rows named after the workloads, ratios, memory. */
class MarkdownReportTest {

    @TempDir
    Path dir;

    @Test
    void tinyRun_rendersOneRowPerWorkloadAndSize() throws Exception {
        // This tiny in-process run must not be refused because a real benchmark run holds JMH's
        // machine-wide lock (/tmp/jmh.lock) while someone works on the same machine.
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .output(dir.resolve("jmh.log").toString()) // JMH's console report would drown the build log
                .include("io\\.ember\\.benchmarks\\.W[18][A-Z]\\w*\\.")
                .param("size", "1000")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(300))
                .timeUnit(TimeUnit.MILLISECONDS)
                .addProfiler(GCProfiler.class)
                .addProfiler(PeakMemoryProfiler.class)
                .shouldFailOnError(true)
                .build()).run();

        String page = MarkdownReport.render("Test run", "About the run.", results);

        assertTrue(page.startsWith("# Test run\n\nAbout the run.\n\n| id |"), page);
        assertTrue(page.matches("(?s).*\\| W1 \\| rdd-pipeline \\| size=1,000 \\| [\\d.,]+ \\| [\\d.,]+ \\| [\\d.]+x \\|.*"),
                page);
        assertTrue(page.matches("(?s).*\\| W8 \\| tiny-jobs \\| size=1,000 \\| [\\d.,]+ \\| – \\| – \\|.*"), page);
        assertTrue(page.indexOf("| W1 |") < page.indexOf("| W8 |"), "ordered by workload number");
        assertTrue(page.lines().filter(line -> line.startsWith("| W")).allMatch(line -> !line.contains("NaN")), page);
    }
}
