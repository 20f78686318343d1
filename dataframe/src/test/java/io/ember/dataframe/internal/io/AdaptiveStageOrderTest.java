package io.ember.dataframe.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The learnt order of a scan condition's stages: by cost per row over share of rows dropped, from
 * measures that decay. Costs and counts here are made up so that the expected order follows by hand.
 */
class AdaptiveStageOrderTest {

    private static int[] order(AdaptiveStageOrder o, int stages) {
        int[] out = new int[stages];
        for (int i = 0; i < stages; i++) {
            out[i] = o.stageAt(i);
        }
        return out;
    }

    /** One batch of 1,000 rows through the stages in their current order, each keeping {@code keep[s]} of what it sees. */
    private static void batch(AdaptiveStageOrder o, int stages, double[] keep, long[] nanosPerRow) {
        int rows = 1_000;
        for (int i = 0; i < stages && rows > 0; i++) {
            int s = o.stageAt(i);
            int out = (int) Math.round(rows * keep[s]);
            o.record(s, rows, out, rows * nanosPerRow[s]);
            rows = out;
        }
        o.batchDone();
    }

    @Test
    void aCheapSelectiveStageMovesFirst_afterAFewBatches() {
        AdaptiveStageOrder o = new AdaptiveStageOrder(3);
        double[] keep = {0.9, 0.5, 0.02};
        long[] cost = {10, 40, 20};
        // ranks: 10/0.1 = 100, 40/0.5 = 80, 20/0.98 = 20.4
        for (int b = 0; b < 3; b++) {
            batch(o, 3, keep, cost);
            assertArrayEquals(new int[] {0, 1, 2}, order(o, 3), "the plan's order until the first ranking");
        }
        batch(o, 3, keep, cost);
        assertArrayEquals(new int[] {2, 1, 0}, order(o, 3));
        for (int b = 0; b < 8; b++) {
            batch(o, 3, keep, cost);
        }
        assertArrayEquals(new int[] {2, 1, 0}, order(o, 3), "a settled order stays");
    }

    @Test
    void aStageWhoseSelectivityChanges_movesBack() {
        AdaptiveStageOrder o = new AdaptiveStageOrder(2);
        long[] cost = {10, 10};
        for (int b = 0; b < 8; b++) {
            batch(o, 2, new double[] {0.9, 0.1}, cost);
        }
        assertArrayEquals(new int[] {1, 0}, order(o, 2));
        for (int b = 0; b < 16; b++) {
            batch(o, 2, new double[] {0.1, 0.95}, cost);
        }
        assertArrayEquals(new int[] {0, 1}, order(o, 2));
    }

    @Test
    void equalRanksKeepThePlansOrder_andAStageNoRowReachedStaysBehind() {
        AdaptiveStageOrder o = new AdaptiveStageOrder(3);
        for (int b = 0; b < 8; b++) {
            batch(o, 3, new double[] {0.5, 0.5, 0.5}, new long[] {10, 10, 10});
        }
        assertArrayEquals(new int[] {0, 1, 2}, order(o, 3));

        AdaptiveStageOrder dropsAll = new AdaptiveStageOrder(2);
        for (int b = 0; b < 8; b++) {
            batch(dropsAll, 2, new double[] {0, 0.01}, new long[] {10, 1});
        }
        assertArrayEquals(new int[] {0, 1}, order(dropsAll, 2), "stage 1 never saw a row: nothing says it is better");
    }

    @Test
    void aSingleStage_isAlwaysFirst() {
        AdaptiveStageOrder o = new AdaptiveStageOrder(1);
        for (int b = 0; b < 8; b++) {
            batch(o, 1, new double[] {0.3}, new long[] {5});
        }
        assertArrayEquals(new int[] {0}, order(o, 1));
    }
}
