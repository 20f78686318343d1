package io.ember.benchmarks.compare;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One engine's result for one workload: the median of its timed runs, its peak resident set,
 * its answer, or why there is none.
 *
 * @param status       how its child (or, for W9, the first child that did not succeed) ended
 * @param medianMillis median of the timed runs, if it completed
 * @param peakRssBytes the largest peak resident set of its children
 * @param answer       the answer's rows, if it completed
 * @param detail       what went wrong, or empty
 */
record Measurement(ChildProcess.Status status, OptionalDouble medianMillis, OptionalLong peakRssBytes,
                   Optional<List<List<String>>> answer, String detail) {

    /** The median of {@code millis}, which must not be empty. */
    static double median(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    boolean ok() {
        return status == ChildProcess.Status.OK;
    }
}
