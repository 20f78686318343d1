package io.ember.dataframe.internal.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RLE/bit-packed hybrid decoder against parquet-mr's encoder: every bit width, values in
 * runs (encoded as repeated runs) and scattered (bit-packed), read back in uneven chunks.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class RleBitPackedDecoderTest {

    private static byte[] encode(int bitWidth, int[] values) throws Exception {
        RunLengthBitPackingHybridEncoder e = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20,
                new HeapByteBufferAllocator());
        for (int v : values) {
            e.writeInt(v);
        }
        return e.toBytes().toByteArray();
    }

    private static int[] values(int bitWidth, int n, long seed) {
        Random r = new Random(seed);
        long bound = 1L << bitWidth;
        int[] v = new int[n];
        for (int i = 0; i < n; ) {
            int run = r.nextInt(3) == 0 ? 1 + r.nextInt(40) : 1;
            int value = bitWidth == 0 ? 0 : (int) (r.nextLong() & (bound - 1));
            for (int k = 0; k < run && i < n; k++) {
                v[i++] = value;
            }
        }
        return v;
    }

    @Test
    void readInts_everyBitWidth_matchesParquetMrEncoder() throws Exception {
        for (int width = 0; width <= 32; width++) {
            int[] expected = values(width, 5_003, width);
            byte[] bytes = encode(width, expected);
            RleBitPackedDecoder d = new RleBitPackedDecoder(new PageBytes(bytes, 0, bytes.length), width);
            int[] actual = new int[expected.length];
            int done = 0;
            for (int chunk = 1; done < actual.length; chunk = chunk * 3 % 997 + 1) {
                int k = Math.min(chunk, actual.length - done);
                d.readInts(actual, done, k);
                done += k;
            }
            assertArrayEquals(expected, actual, "bit width " + width);
        }
    }

    @Test
    void readNulls_levelsBelowMaxAreNull() throws Exception {
        int[] levels = values(1, 10_000, 42);
        byte[] bytes = encode(1, levels);
        RleBitPackedDecoder d = new RleBitPackedDecoder(new PageBytes(bytes, 0, bytes.length), 1);
        boolean[] nulls = new boolean[levels.length];
        int present = d.readNulls(nulls, 0, 6_000, 1) + d.readNulls(nulls, 6_000, 4_000, 1);
        int expectedPresent = 0;
        for (int i = 0; i < levels.length; i++) {
            assertEquals(levels[i] == 0, nulls[i], "level " + i);
            expectedPresent += levels[i];
        }
        assertEquals(expectedPresent, present);
    }

    @Test
    void truncatedRun_clearError() throws Exception {
        byte[] bytes = encode(8, values(8, 100, 7));
        RleBitPackedDecoder d = new RleBitPackedDecoder(new PageBytes(bytes, 0, bytes.length), 8);
        int[] out = new int[1000];
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> d.readInts(out, 0, 1000));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("Parquet"), e.getMessage());
    }
}
