package io.ember.dataframe.internal.io;

/**
 * The order in which a scan evaluates the stages of its condition ({@link ScanCondition}), learnt
 * as it reads. The stages are conjuncts, so any order keeps the same rows, but not at the same
 * cost: a stage that drops most rows cheaply should come first, so that the others decode their
 * columns only for the rows it keeps. The plan's order is only a guess (the query's text order,
 * runtime filters last), so each stage's cost per row it sees and the share of rows it drops are
 * measured, and every few batches the stages are ranked by cost over drop rate, the order that
 * minimizes the expected cost of independent filters. The measures decay, so a stage whose
 * selectivity changes (a top-N's cutoff tightens) moves.
 *
 * <p>Owned by one reader, on one thread.
 */
final class AdaptiveStageOrder {
    /** Batches between re-rankings; the measures halve at each. */
    private static final int BATCHES_PER_RANKING = 4;

    private final int[] order;
    private final double[] nanos;
    private final double[] rowsIn;
    private final double[] rowsOut;
    private int batches;

    /** The plan's order of {@code stages} stages, until measures say otherwise. */
    AdaptiveStageOrder(int stages) {
        order = new int[stages];
        for (int i = 0; i < stages; i++) {
            order[i] = i;
        }
        nanos = new double[stages];
        rowsIn = new double[stages];
        rowsOut = new double[stages];
    }

    /** The stage evaluated {@code position}th. */
    int stageAt(int position) {
        return order[position];
    }

    /** Records that {@code stage} saw {@code in} rows, kept {@code out} and took {@code elapsedNanos}, reads included. */
    void record(int stage, int in, int out, long elapsedNanos) {
        nanos[stage] += elapsedNanos;
        rowsIn[stage] += in;
        rowsOut[stage] += out;
    }

    /** Ends a batch: every few batches, the stages are ranked again and the measures decay. */
    void batchDone() {
        if (order.length < 2 || ++batches % BATCHES_PER_RANKING != 0) {
            return;
        }
        double[] rank = new double[order.length];
        for (int s = 0; s < order.length; s++) {
            rank[s] = rank(s);
        }
        // Insertion sort: a handful of stages, and equal ranks keep their current order.
        for (int i = 1; i < order.length; i++) {
            int stage = order[i];
            int j = i - 1;
            while (j >= 0 && rank[order[j]] > rank[stage]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = stage;
        }
        for (int s = 0; s < order.length; s++) {
            nanos[s] /= 2;
            rowsIn[s] /= 2;
            rowsOut[s] /= 2;
        }
    }

    /**
     * Cost per row seen over the share of rows dropped: lower goes first. A stage that has seen no
     * row (every row was dropped before it) stays where it is relative to the others like it.
     */
    private double rank(int stage) {
        if (rowsIn[stage] == 0) {
            return Double.MAX_VALUE;
        }
        double costPerRow = nanos[stage] / rowsIn[stage];
        double dropped = 1 - rowsOut[stage] / rowsIn[stage];
        return costPerRow / Math.max(dropped, 1e-6);
    }
}
