package io.ember.examples;

import io.ember.rdd.EmberContext;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The classic first job: count the words of a text file and print the most frequent ones.
 *
 * <pre>
 * bin/ember-example wordcount [file] [lines-to-generate]
 * </pre>
 *
 * Generates {@code data/words.txt} (200,000 Zipf-distributed lines) if the file is absent.
 */
public final class WordCount {
    private WordCount() {
    }

    /** Runs the job; arguments: an optional input file and the number of lines to generate if it is missing. */
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "data/words.txt");
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        if (!Files.exists(input)) {
            System.out.println("Generating " + lines + " lines of words into " + input);
            WordsGenerator.write(input, lines, 42);
        }
        long start = System.nanoTime();
        try (EmberContext sc = EmberContext.builder().appName("word-count").getOrCreate()) {
            System.out.println("Ember web UI at " + sc.uiWebUrl().getOrElse("(disabled)"));
            List<Tuple2<String, Integer>> top = sc.textFile(input.toString())
                    .flatMap(line -> Arrays.asList(line.split(" ")))
                    .mapToPair(word -> Tuple.of(word, 1))
                    .reduceByKey(Integer::sum)
                    .takeOrdered(20, (a, b) -> a._2.equals(b._2) ? a._1.compareTo(b._1) : Integer.compare(b._2, a._2));
            System.out.printf("Top %d words of %s (%d executors):%n", top.size(), input, sc.executors().size());
            top.forEach(t -> System.out.printf("%-12s %,10d%n", t._1, t._2));
        }
        System.out.printf("Done in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }
}
