package io.ember.rdd.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link SplitSize}: Hadoop's split size, evened out over the task slots when it makes several waves. */
class SplitSizeTest {
    private static final long MB = 1024 * 1024;

    private static long splits(long total, long size) {
        return (total + size - 1) / size;
    }

    @Test
    void smallInputs_areSplitByMinPartitions() {
        assertEquals(50, SplitSize.of(100, 2, 32 * MB, 2));
        assertEquals(34, SplitSize.of(100, 3, 32 * MB, 8));
        assertEquals(1, SplitSize.of(0, 2, 32 * MB, 2));
        assertEquals(1, SplitSize.of(3, 40, 32 * MB, 2));
    }

    @Test
    void largeInputs_makeAWholeNumberOfWaves_ofEqualSplits() {
        long total = 85 * MB + 12345;
        long size = SplitSize.of(total, 2, 32 * MB, 2);
        assertEquals(4, splits(total, size));
        assertEquals(8, splits(total, SplitSize.of(total, 2, 32 * MB, 8)));
        assertEquals(3, splits(total, SplitSize.of(total, 2, 32 * MB, 3)));
        assertEquals(6, splits(total, SplitSize.of(total, 2, 16 * MB, 3)));
        assertEquals(24 * MB, SplitSize.of(96 * MB, 2, 32 * MB, 4));
        assertEquals(SplitSize.MIN_EVEN_SPLIT, SplitSize.of(100 * MB, 2, 32 * MB, 64));
    }

    @Test
    void blockSizedSplits_areKept_whenTheyAlreadyFillTheSlots() {
        assertEquals(32 * MB, SplitSize.of(128 * MB, 2, 32 * MB, 2));
        assertEquals(32 * MB, SplitSize.of(128 * MB, 2, 32 * MB, 4));
        assertEquals(32 * MB, SplitSize.of(96 * MB, 2, 32 * MB, 1));
    }
}
