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
     * The value at quantile {@code p} of the values the summaries describe together, or NaN if
     * they describe none.
     */
    static double query(List<RankSummary> parts, double p) {
        long n = 0;
        for (RankSummary s : parts) {
            n += s.count;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double target = Math.max(1, Math.ceil(p * n));
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (RankSummary candidates : parts) {
            for (double x : candidates.kept) {
                double below = 0;
                double atMost = 0;
                for (RankSummary s : parts) {
                    below += s.estimatedCount(x, true);
                    atMost += s.estimatedCount(x, false);
                }
                // The copies of x occupy the positions below + 1 .. atMost.
                double distance = target < below + 1 ? below + 1 - target : target > atMost ? target - atMost : 0;
                if (distance < bestDistance || (distance == bestDistance && x < best)) {
                    bestDistance = distance;
                    best = x;
                }
            }
        }
        return best;
    }

    /** The estimated number of this summary's values below {@code x} (or at most {@code x}). */
    private double estimatedCount(double x, boolean strictlyBelow) {
        int lo = 0;
        int hi = kept.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            boolean inside = strictlyBelow ? kept[mid] < x : kept[mid] <= x;
            if (inside) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // kept[0 .. lo) are inside; the count lies between the last one's position and the next one's minus one.
        long low = lo == 0 ? 0 : positions[lo - 1];
        long high = lo == kept.length ? count : positions[lo] - 1;
        return (low + high) / 2.0;
    }
}
