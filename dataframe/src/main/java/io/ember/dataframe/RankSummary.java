package io.ember.dataframe;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A mergeable summary of the ranks of a set of doubles, answering quantile queries within a
 * relative error {@code e}: the answer's rank is within {@code e * n} of the asked one.
 *
 * <p>Design notes. Each partition sorts its values (a partition is already held in memory to be
 * processed) and keeps every {@code s}-th of them with its exact position, {@code s = max(1,
 * floor(e * m / 2))} for {@code m} values, plus the last one. On the driver the number of values
 * at most (or below) {@code x} in a partition is then known to within {@code s}: it lies between the
 * position of the last kept value not above {@code x} and the position of the next kept value;
 * the midpoint is off by at most {@code s / 2}. Summed over partitions, an estimated rank is off by
 * at most {@code e * n / 4} and two neighbouring kept values are at most {@code e * n / 2} ranks
 * apart, so the kept value whose estimated positions are nearest the asked rank is within
 * {@code e * n} of it. With {@code e = 0} every value is kept and the answer is exact, which is what
 * Spark's {@code approxQuantile} returns for a relative error of 0: the value of rank
 * {@code ceil(p * n)} (the smallest value for {@code p = 0}). Summaries hold about
 * {@code 2 / e} values per partition, so the driver's memory does not grow with the data.
 */
final class RankSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] kept;
    private final long[] positions;
    private final long count;

    private RankSummary(double[] kept, long[] positions, long count) {
        this.kept = kept;
        this.positions = positions;
        this.count = count;
    }

    /** The summary of one partition's values ({@code values} is sorted in place). */
    static RankSummary of(double[] values, int n, double relativeError) {
        Arrays.sort(values, 0, n);
        long step = Math.max(1, (long) Math.floor(relativeError * n / 2));
        List<Integer> indexes = new ArrayList<>();
        for (long i = 0; i < n; i += step) {
            indexes.add((int) i);
        }
        if (n > 0 && indexes.get(indexes.size() - 1) != n - 1) {
            indexes.add(n - 1);
        }
        double[] kept = new double[indexes.size()];
        long[] positions = new long[indexes.size()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = values[indexes.get(i)];
            positions[i] = indexes.get(i) + 1L;
        }
        return new RankSummary(kept, positions, n);
    }

    /** How many values the summary describes. */
    long count() {
        return count;
    }

    /**
     * The values at the quantiles {@code ps} of the values the summaries describe together, NaN
     * each if they describe none. One sort of the kept values, then one sweep per quantile in which
     * each kept value changes only its own partition's share of the estimated counts.
     */
    static double[] query(List<RankSummary> parts, double[] ps) {
        long n = 0;
        int kept = 0;
        for (RankSummary s : parts) {
            n += s.count;
            kept += s.kept.length;
        }
        double[] out = new double[ps.length];
        if (n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] values = new double[kept];
        int[] owners = new int[kept];
        Integer[] order = new Integer[kept];
        int k = 0;
        for (int q = 0; q < parts.size(); q++) {
            for (double v : parts.get(q).kept) {
                values[k] = v;
                owners[k] = q;
                order[k] = k;
                k++;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        for (int i = 0; i < ps.length; i++) {
            out[i] = sweep(parts, values, owners, order, Math.max(1, Math.ceil(ps[i] * n)));
        }
        return out;
    }

    /** The kept value whose estimated positions are nearest {@code target}. */
    private static double sweep(List<RankSummary> parts, double[] values, int[] owners, Integer[] order, double target) {
        int[] passed = new int[parts.size()];
        double[] share = new double[parts.size()];
        double below = 0;
        for (int q = 0; q < parts.size(); q++) {
            share[q] = parts.get(q).estimatedCount(0);
            below += share[q];
        }
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < order.length) {
            double x = values[order[i]];
            double atMost = below;
            // Every kept copy of x moves its partition's count estimate past x.
            for (; i < order.length && values[order[i]] == x; i++) {
                int q = owners[order[i]];
                passed[q]++;
                double updated = parts.get(q).estimatedCount(passed[q]);
                atMost += updated - share[q];
                share[q] = updated;
            }
            // The copies of x occupy the positions below + 1 .. atMost.
            double distance = target < below + 1 ? below + 1 - target : target > atMost ? target - atMost : 0;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = x;
            }
            below = atMost;
        }
        return best;
    }

    /**
     * The estimated number of this summary's values below a value that exactly {@code passed} of
     * the kept values are not above: between the last passed one's position and the next one's
     * minus one.
     */
    private double estimatedCount(int passed) {
        long low = passed == 0 ? 0 : positions[passed - 1];
        long high = passed == kept.length ? count : positions[passed] - 1;
        return (low + high) / 2.0;
    }
}
