package io.ember.benchmarks;

import io.ember.benchmarks.support.BenchmarkData;
import io.ember.benchmarks.support.EmberContexts;
import io.ember.benchmarks.support.Engine;
import io.ember.benchmarks.support.ReferenceWorkload;
import io.ember.rdd.EmberContext;
import io.ember.rdd.SerializableComparator;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W2 word-count (BENCHMARKS.md): {@code textFile(words.txt)}, split on single spaces,
 * {@code reduceByKey(+)}, the top 20 by count (ties: word ascending). Floor: one thread reading
 * the file into a {@link HashMap}. Measures text reading, a map-side combine and a shuffle.
 * The input is {@code lines} lines of 12 Zipf-distributed words, generated once into
 * {@code dataDir}.
 *
 * <pre>
 * bin/ember-bench quick W2
 * java -jar benchmarks/target/benchmarks.jar W2WordCount -prof gc -p lines=2000000 -p dataDir=benchmarks/data
 * </pre>
 */
@State(Scope.Benchmark)
public class W2WordCount extends ReferenceWorkload {
    /** How many words the answer lists. */
    public static final int TOP = 20;

    /** Most frequent first; equal counts by word, so the answer is unique. */
    static final SerializableComparator<Tuple2<String, Integer>> BY_COUNT_THEN_WORD =
            (a, b) -> a._2.equals(b._2) ? a._1.compareTo(b._1) : Integer.compare(b._2, a._2);

    /** Lines of the generated input (2,000,000 is about 85 MB). */
    @Param("2000000")
    public long lines;

    /** Where the input is generated and found again by later runs. */
    @Param(BenchmarkData.DEFAULT_DIR)
    public String dataDir;

    /** Ember, or the one-thread {@code HashMap} floor. */
    @Param
    public Engine engine;

    private Path input;
    private EmberContext sc;

    /** Generates the input if it is missing, and starts Ember. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        input = BenchmarkData.words(dataDir, lines);
        if (engine == Engine.EMBER) {
            sc = EmberContexts.start("W2-word-count");
        }
    }

    /** Stops Ember. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (sc != null) {
            sc.close();
        }
    }

    /** The 20 most frequent words with their counts. */
    @Benchmark
    public List<Tuple2<String, Integer>> topWords() throws IOException {
        return engine == Engine.EMBER ? onEmber(sc, input) : onOneThread(input);
    }

    /** The job as an Ember user writes it. */
    public static List<Tuple2<String, Integer>> onEmber(EmberContext sc, Path input) {
        return sc.textFile(input.toString())
                .flatMap(line -> Arrays.asList(line.split(" ")))
                .mapToPair(word -> Tuple.of(word, 1))
                .reduceByKey(Integer::sum)
                .takeOrdered(TOP, BY_COUNT_THEN_WORD);
    }

    /** The floor: one thread, one pass, one {@code HashMap}. */
    static List<Tuple2<String, Integer>> onOneThread(Path input) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                for (String word : line.split(" ")) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> Tuple.of(e.getKey(), e.getValue()))
                .sorted(BY_COUNT_THEN_WORD)
                .limit(TOP)
                .collect(List.collector());
    }
}
