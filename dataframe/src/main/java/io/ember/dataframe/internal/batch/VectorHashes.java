package io.ember.dataframe.internal.batch;

/**
 * A vector's value hashes a batch at a time: one loop per layout with no per-row dispatch, giving
 * exactly the values {@link ColumnVector#hash} gives row at a time (hash joins and aggregations mix
 * both). A string vector of dictionary entries hashes each entry once when the dictionary is no
 * larger than the batch, and then each row by its id.
 */
public final class VectorHashes {
    private VectorHashes() {
    }

    /** Sets {@code acc[i] = 31 * acc[i] + v.hash(i)} for the rows {@code [0, n)}. */
    public static void accumulate(ColumnVector v, int[] acc, int n) {
        boolean[] nulls = v.nulls;
        switch (v.kind) {
            case ColumnVector.INT -> {
                int[] a = v.ints;
                for (int i = 0; i < n; i++) {
                    int h = nulls != null && nulls[i] ? ColumnVector.NULL_HASH : ColumnVector.mix(a[i]);
                    acc[i] = 31 * acc[i] + h;
                }
            }
            case ColumnVector.LONG -> {
                long[] a = v.longs;
                for (int i = 0; i < n; i++) {
                    int h = nulls != null && nulls[i] ? ColumnVector.NULL_HASH : ColumnVector.mix(Long.hashCode(a[i]));
                    acc[i] = 31 * acc[i] + h;
                }
            }
            case ColumnVector.DECIMAL -> {
                long[] a = v.longs;
                int scale = v.scale();
                for (int i = 0; i < n; i++) {
                    int h = nulls != null && nulls[i] ? ColumnVector.NULL_HASH : Decimals.hash(a[i], scale);
                    acc[i] = 31 * acc[i] + h;
                }
            }
            case ColumnVector.WIDE_DECIMAL -> {
                long[] lo = v.longs;
                long[] hi = v.highs;
                int scale = v.scale();
                for (int i = 0; i < n; i++) {
                    int h = nulls != null && nulls[i] ? ColumnVector.NULL_HASH : Int128.hash(hi[i], lo[i], scale);
                    acc[i] = 31 * acc[i] + h;
                }
            }
            case ColumnVector.STRING -> accumulateStrings(v, acc, n);
            default -> {
                for (int i = 0; i < n; i++) {
                    acc[i] = 31 * acc[i] + v.hash(i);
                }
            }
        }
    }

    private static void accumulateStrings(ColumnVector v, int[] acc, int n) {
        boolean[] nulls = v.nulls;
        if (v.hasDictionary() && v.dictionary.size <= n) {
            ColumnVector dictionary = v.dictionary;
            int[] entryHashes = new int[dictionary.size];
            for (int e = 0; e < entryHashes.length; e++) {
                entryHashes[e] = dictionary.hash(e);
            }
            int[] ids = v.dictionaryIds;
            for (int i = 0; i < n; i++) {
                int h = nulls != null && nulls[i] ? ColumnVector.NULL_HASH : entryHashes[ids[i]];
                acc[i] = 31 * acc[i] + h;
            }
            return;
        }
        byte[] bytes = v.bytes;
        int[] offsets = v.offsets;
        int[] lengths = v.lengths;
        for (int i = 0; i < n; i++) {
            int h = nulls != null && nulls[i] ? ColumnVector.NULL_HASH : Utf8.hash(bytes, offsets[i], lengths[i]);
            acc[i] = 31 * acc[i] + h;
        }
    }
}
