package io.ember.benchmarks.compare;

import io.ember.benchmarks.report.OtherLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code bin/ember-bench compare [workloads...]}: runs each workload on each engine (Ember, Apache
 * Spark 3.5 {@code local[2]} with its UI off, DuckDB with two threads) in a child JVM of its own,
 * one after the other in one session, so that each engine's peak resident set is its own and the
 * ratios come from one run. In a child: {@code --warmups} untimed runs, then {@code --runs} timed
 * ones, whose median is the figure; W9 (start-up) instead times whole child processes. A child
 * that fails or overruns {@code --timeout} is stopped by its PID and shows as such in the table;
 * the run goes on.
 *
 * <p>Writes {@code <results>/compare-<date>.md} (a second run on the same day gets
 * {@code compare-<date>-2.md}) and rewrites {@code RESULTS.md} beside the results directory, the
 * page the README links. Exits 2 on a bad command line.
 *
 * <pre>
 * java -D{@value CompareOptions#SPARK_CLASSPATH_PROPERTY}=... -cp benchmarks/target/benchmarks.jar \
 *     io.ember.benchmarks.compare.Compare [options] [W1 ... W9 | tpch | tpch:Q1 ... | all]
 * </pre>
 */
public final class Compare {
    private Compare() {
    }

    /** One workload's results on every engine, and whether their answers agree. */
    public record Row(Workload workload, Map<CompareEngine, Measurement> results, String agreement) {
    }

    /** A finished comparison: its rows and the page written. */
    public record Result(List<Row> rows, Path page) {
    }

    /** Runs the command line; exits 2 when it is wrong. */
    public static void main(String[] args) throws IOException, InterruptedException {
        CompareOptions options;
        try {
            options = CompareOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: compare [--runs N] [--warmups N] [--timeout SECONDS] [--engines ember,spark,duckdb] "
                    + "[--scale-factor SF] [--heap 2g] [--data DIR] [--results DIR] [--yellow-rows N] [--green-rows N] "
                    + "[--lines N] [W1 ... W9 | tpch | tpch:Q1 ... tpch:Q22 | all]");
            System.exit(2);
            return;
        }
        Result result = run(options);
        System.out.println();
        System.out.println(Files.readString(result.page()));
        System.out.println("Wrote " + result.page() + " and " + ResultsPage.file(options.resultsDir()));
    }

    /** Prepares the inputs, runs every workload on every engine, writes the page and RESULTS.md. */
    public static Result run(CompareOptions options) throws IOException, InterruptedException {
        Files.createDirectories(options.resultsDir());
        double loadAtStart = LoadAverage.oneMinute();
        OtherLoad otherLoad = OtherLoad.start();
        CompareInputs inputs = CompareInputs.prepare(options);
        Path logs = Files.createDirectories(options.dataDir().resolve("out").resolve("compare-logs"));
        String stem = freshStem(options.resultsDir());
        Path page = options.resultsDir().resolve(stem + ".md");
        List<Row> rows = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            Map<CompareEngine, Measurement> results = new EnumMap<>(CompareEngine.class);
            for (CompareEngine engine : options.engines()) {
                Measurement m = measure(engine, workload, options, inputs, logs);
                results.put(engine, m);
                System.out.printf("# %-30s %-7s %s%n", workload.label(), engine.title(), describe(m));
            }
            rows.add(new Row(workload, results, Agreement.of(workload, results)));
            // Both pages are written after every workload, so that a run stopped part-way leaves what it measured.
            Files.writeString(page, CompareReport.render(stem, options, loadAtStart, LoadAverage.oneMinute(),
                    otherLoad.describe(Runtime.getRuntime().availableProcessors()), rows));
            ResultsPage.update(options.resultsDir());
        }
        return new Result(rows, page);
    }

    private static Measurement measure(CompareEngine engine, Workload workload, CompareOptions options,
                                       CompareInputs inputs, Path logs) throws IOException, InterruptedException {
        if (engine == CompareEngine.SPARK && options.sparkClasspath().isEmpty()) {
            return new Measurement(ChildProcess.Status.FAILED, OptionalDouble.empty(), OptionalLong.empty(),
                    Optional.empty(), "Spark's class path is unknown (run through bin/ember-bench compare)");
        }
        Path answers = logs.resolve(engine + "-" + workload.id() + ".answer");
        Path log = logs.resolve(engine + "-" + workload.id() + ".log");
        Files.deleteIfExists(answers);
        Map<String, String> args = inputs.argsFor(workload);
        args.put("workload", workload.id());
        args.put("answers", answers.toAbsolutePath().toString());
        if (!workload.wholeProcess()) {
            args.put("warmups", Integer.toString(options.warmups()));
            args.put("runs", Integer.toString(options.runs()));
            ChildProcess.Outcome outcome = ChildProcess.run(engine.command(options, ChildArgs.of(args)),
                    options.timeout(), log);
            if (outcome.status() != ChildProcess.Status.OK || outcome.runMillis().isEmpty() || !Files.exists(answers)) {
                return failed(outcome);
            }
            return new Measurement(ChildProcess.Status.OK, OptionalDouble.of(Measurement.median(outcome.runMillis())),
                    outcome.peakRssBytes(), Optional.of(Answers.read(answers)), "");
        }
        // Start-up: every run is a whole child process, timed from outside, as a user's shell sees it.
        args.put("warmups", "0");
        args.put("runs", "1");
        List<Double> walls = new ArrayList<>();
        long peak = 0;
        for (int i = 0; i < options.warmups() + options.runs(); i++) {
            ChildProcess.Outcome outcome = ChildProcess.run(engine.command(options, ChildArgs.of(args)),
                    options.timeout(), log);
            if (outcome.status() != ChildProcess.Status.OK || !Files.exists(answers)) {
                return failed(outcome);
            }
            if (i >= options.warmups()) {
                walls.add(outcome.wallMillis());
                peak = Math.max(peak, outcome.peakRssBytes().orElse(0));
            }
        }
        return new Measurement(ChildProcess.Status.OK, OptionalDouble.of(Measurement.median(walls)),
                peak > 0 ? OptionalLong.of(peak) : OptionalLong.empty(), Optional.of(Answers.read(answers)), "");
    }

    private static Measurement failed(ChildProcess.Outcome outcome) {
        String detail = outcome.status() == ChildProcess.Status.OK ? "exited 0 without its timed runs or its answer"
                : outcome.detail();
        ChildProcess.Status status = outcome.status() == ChildProcess.Status.OK ? ChildProcess.Status.FAILED
                : outcome.status();
        return new Measurement(status, OptionalDouble.empty(), outcome.peakRssBytes(), Optional.empty(), detail);
    }

    private static String describe(Measurement m) {
        return m.ok() ? String.format(Locale.ROOT, "%.2f ms, peak RSS %s", m.medianMillis().getAsDouble(),
                m.peakRssBytes().isPresent() ? (m.peakRssBytes().getAsLong() >> 20) + " MB" : "unknown")
                : m.status() + " " + m.detail();
    }

    private static String freshStem(Path dir) {
        String date = "compare-" + LocalDate.now();
        String stem = date;
        for (int n = 2; Files.exists(dir.resolve(stem + ".md")); n++) {
            stem = date + "-" + n;
        }
        return stem;
    }
}
