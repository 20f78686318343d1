package io.ember.benchmarks.report;

import io.ember.benchmarks.support.PeakMemoryProfiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs reference workloads with JMH and writes {@code <date>.json} (JMH's JSON) and
 * {@code <date>.md} (the {@link MarkdownReport}) into the results directory. What
 * {@code bin/ember-bench} runs:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ember.benchmarks.report.EmberBench [quick|full] [W1 W2 ...] [-- JMH options]
 * </pre>
 *
 * <ul>
 *   <li>{@code quick}: one fork, one 1 s warmup and four 1 s measurement iterations (each at
 *       least one operation, so at least five runs of the slowest job, W7's full sort): all nine
 *       workloads in two to two and a half minutes on two quiet cores;</li>
 *   <li>{@code full}: the workloads' own settings ({@link io.ember.benchmarks.support.ReferenceWorkload}):
 *       two forks, 3 x 2 s warmup, 5 x 2 s measurement: the figures to publish; W3 and W7 also
 *       at 2x and 4x input ({@code -p scale=1,2,4}, unless the JMH options set {@code scale}).</li>
 * </ul>
 * Workload ids select classes ({@code W2} runs {@code W2WordCount}); none runs them all.
 * Options after {@code --} go to JMH ({@code -- -p lines=200000}); the mode's counts win over them.
 * Both modes add {@code -prof gc} and the {@link PeakMemoryProfiler}; the report also says how
 * much CPU other processes took during the run ({@link OtherLoad}). The results directory is
 * {@code benchmarks/results}, or the system property {@code ember.bench.results}; a second
 * run on the same day gets {@code <date>-2}, and so on, rather than overwriting the first.
 */
public final class EmberBench {
    private static final String WORKLOADS_PACKAGE = "io\\.ember\\.benchmarks\\.";
    /** The input multiple of the scaling workloads (W3, W7), and its values in a {@code full} run. */
    private static final String SCALE_PARAM = "scale";
    private static final String[] SCALES = {"1", "2", "4"};

    private EmberBench() {
    }

    /** Runs the selection; exits 2 on a bad command line, 1 if a benchmark fails. */
    public static void main(String[] args) throws IOException, RunnerException {
        List<String> ours = new ArrayList<>();
        String[] jmhArgs = {};
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                jmhArgs = Arrays.copyOfRange(args, i + 1, args.length);
                break;
            }
            ours.add(args[i]);
        }
        String mode = !ours.isEmpty() && !isWorkloadId(ours.get(0)) ? ours.remove(0) : "quick";
        if (!mode.equals("quick") && !mode.equals("full") || !ours.stream().allMatch(EmberBench::isWorkloadId)) {
            usage("expected [quick|full] [W<n> ...] [-- JMH options], got " + String.join(" ", args));
        }
        Path resultsDir = Path.of(System.getProperty("ember.bench.results", "benchmarks/results"));
        Files.createDirectories(resultsDir);
        String stem = freshStem(resultsDir);
        Path json = resultsDir.resolve(stem + ".json");
        Path markdown = resultsDir.resolve(stem + ".md");

        CommandLineOptions jmhOptions = jmhOptions(jmhArgs);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(jmhOptions)
                .addProfiler(GCProfiler.class)
                .addProfiler(PeakMemoryProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .shouldFailOnError(true);
        selection(ours).forEach(options::include);
        if (mode.equals("quick")) {
            options.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(4).measurementTime(TimeValue.seconds(1));
        }
        if (mode.equals("full") && !jmhOptions.getParameter(SCALE_PARAM).hasValue()) {
            options.param(SCALE_PARAM, SCALES); // only W3 and W7 declare it
        }
        OtherLoad otherLoad = OtherLoad.start();
        Collection<RunResult> results = new Runner(options.build()).run();
        String title = String.format(Locale.ROOT, "Ember benchmarks %s (%s)", stem, mode);
        Files.writeString(markdown, MarkdownReport.render(title, about(otherLoad), results));
        System.out.println();
        System.out.println(Files.readString(markdown));
        System.out.println("Wrote " + json + " and " + markdown);
    }

    /** The machine, and how much else ran on it during the run. */
    private static String about(OtherLoad otherLoad) {
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "JDK %s, %d cores, %s. %s", System.getProperty("java.version"), cores,
                System.getProperty("os.name"), otherLoad.describe(cores));
    }

    private static boolean isWorkloadId(String arg) {
        return arg.matches("W\\d+");
    }

    /** One include pattern per id: "W1" matches W1RddPipeline, never W10. */
    private static List<String> selection(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of(WORKLOADS_PACKAGE + "W\\d+[A-Z]\\w*\\.");
        }
        return ids.stream().map(id -> WORKLOADS_PACKAGE + id + "[A-Z]\\w*\\.").toList();
    }

    private static String freshStem(Path dir) {
        String date = LocalDate.now().toString();
        String stem = date;
        for (int n = 2; Files.exists(dir.resolve(stem + ".json")) || Files.exists(dir.resolve(stem + ".md")); n++) {
            stem = date + "-" + n;
        }
        return stem;
    }

    private static CommandLineOptions jmhOptions(String[] jmhArgs) {
        try {
            return new CommandLineOptions(jmhArgs);
        } catch (CommandLineOptionException e) {
            usage("bad JMH options: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: EmberBench [quick|full] [W<n> ...] [-- JMH options]");
        System.exit(2);
    }
}
