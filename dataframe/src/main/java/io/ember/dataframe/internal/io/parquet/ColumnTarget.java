package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.internal.batch.ColumnVector;

/**
 * How one physical Parquet type becomes one Ember type: which bulk read of the page decoders it
 * uses and how the values land in the vector. {@link ColumnTargets#of} picks one per column.
 */
abstract class ColumnTarget {

    /** Reads the next {@code n} values of {@code chunk} as a vector. */
    abstract ColumnVector read(ColumnChunkReader chunk, int n);

    /**
     * Targets whose values have a fixed width: each segment's present values are decoded densely
     * into a primitive array at the segment's start, then spread out over the null positions
     * (backwards, in place). Columns without nulls skip the spreading entirely.
     */
    abstract static class Fixed extends ColumnTarget {

        /** Makes room for {@code n} values. */
        abstract void allocate(int n);

        /** Decodes {@code present} values into positions {@code off...}. */
        abstract void fill(ValuesDecoder values, int off, int present);

        /** Moves the {@code present} values at {@code off...} to the positions of {@code off..off+k} that are not null. */
        abstract void spread(boolean[] nulls, int off, int k, int present);

        /** The vector of the {@code n} values read (with {@code nulls}, null when none is). */
        abstract ColumnVector finish(boolean[] nulls, int n);

        @Override
        final ColumnVector read(ColumnChunkReader chunk, int n) {
            allocate(n);
            boolean[] nulls = chunk.nullable() ? new boolean[n] : null;
            boolean anyNull = false;
            int done = 0;
            while (done < n) {
                int k = chunk.segment(n - done);
                int present = chunk.levels(nulls, done, k);
                fill(chunk.values(), done, present);
                if (present < k) {
                    spread(nulls, done, k, present);
                    anyNull = true;
                }
                chunk.consumed(k);
                done += k;
            }
            return finish(anyNull ? nulls : null, n);
        }
    }

    /**
     * Targets that append values in order (strings, binaries, decimals from byte arrays): runs of
     * present values go to the decoder in one call each, runs of nulls become null appends.
     */
    abstract static class Appending extends ColumnTarget {

        /** Appends {@code count} present values from {@code values} to {@code out}. */
        abstract void append(ValuesDecoder values, int count, ColumnVector out);

        /** An empty vector with room for {@code n} values. */
        abstract ColumnVector allocate(int n);

        @Override
        final ColumnVector read(ColumnChunkReader chunk, int n) {
            ColumnVector out = allocate(n);
            int done = 0;
            while (done < n) {
                int k = chunk.segment(n - done);
                boolean[] nulls = chunk.segmentNulls(k);
                int present = chunk.levels(nulls, 0, k);
                if (present == k) {
                    append(chunk.values(), k, out);
                } else {
                    int i = 0;
                    while (i < k) {
                        int j = i;
                        while (j < k && nulls[j] == nulls[i]) {
                            j++;
                        }
                        if (nulls[i]) {
                            for (int x = i; x < j; x++) {
                                out.appendNull();
                            }
                        } else {
                            append(chunk.values(), j - i, out);
                        }
                        i = j;
                    }
                }
                chunk.consumed(k);
                done += k;
            }
            return out;
        }
    }
}
