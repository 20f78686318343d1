package io.ember.benchmarks.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the engines' answers to one workload agree, as the table's last column says it: each
 * engine's answer is checked against DuckDB's (an engine independent of Ember), or against
 * Spark's when DuckDB has none. Only engines that completed are compared.
 */
final class Agreement {
    private Agreement() {
    }

    static String of(Workload workload, Map<CompareEngine, Measurement> results) {
        Optional<CompareEngine> reference = List.of(CompareEngine.DUCKDB, CompareEngine.SPARK).stream()
                .filter(e -> results.containsKey(e) && results.get(e).ok())
                .findFirst();
        if (reference.isEmpty()) {
            return "–";
        }
        List<List<String>> expected = results.get(reference.get()).answer().orElseThrow();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<CompareEngine, Measurement> e : results.entrySet()) {
            if (e.getKey() == reference.get() || !e.getValue().ok()) {
                continue;
            }
            compared++;
            Answers.difference(expected, e.getValue().answer().orElseThrow(), workload.ordered())
                    .ifPresent(d -> differences.add(e.getKey().title() + " differs from " + reference.get().title()
                            + ": " + d));
        }
        if (compared == 0) {
            return "–";
        }
        return differences.isEmpty() ? (expected.isEmpty() ? "no answer to compare" : "agree")
                : String.join("; ", differences);
    }
}
