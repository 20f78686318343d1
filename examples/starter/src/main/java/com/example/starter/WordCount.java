package com.example.starter;

import io.ember.rdd.EmberContext;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;

/** The ten most frequent words of a text file: {@code WordCount <file>}. */
public final class WordCount {
    private WordCount() {
    }

    /** The {@code n} most frequent words of {@code file}, most frequent first (ties: alphabetical). */
    public static List<Tuple2<String, Integer>> topWords(EmberContext sc, String file, int n) {
        return sc.textFile(file)
                .flatMap(line -> List.of(line.toLowerCase().split("[^\\p{L}\\p{N}]+")))
                .filter(word -> !word.isEmpty())
                .mapToPair(word -> Tuple.of(word, 1))
                .reduceByKey(Integer::sum)
                .takeOrdered(n, (a, b) -> a._2.equals(b._2) ? a._1.compareTo(b._1) : Integer.compare(b._2, a._2));
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: WordCount <text file>");
            System.exit(2);
        }
        // no .master(...): bin/ember-submit --master decides where it runs (local[*] by default)
        try (EmberContext sc = EmberContext.builder().appName("starter-word-count").getOrCreate()) {
            topWords(sc, args[0], 10).forEach(t -> System.out.printf("%-20s %,d%n", t._1, t._2));
        }
    }
}
