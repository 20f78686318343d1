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
     * Reads the next {@code n} values of {@code chunk}, but only those of rows
     * {@code selected[0..count)} (ascending) make the vector: the others are skipped.
     */
    abstract ColumnVector read(ColumnChunkReader chunk, int n, int[] selected, int count);

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

        /**
         * Each run of selected rows decodes its present values to the run's output position and
         * spreads them over its nulls, as a segment of a full read does; the values between runs
         * are skipped. A selection scattered in many short runs is decoded in full and then
         * compacted instead. Measured on 400,000 nullable int64 and double rows (plain and
         * dictionary pages of 128 rows, batches of 4,096; load 4-6 on 2 cores, so +-30%):
         * skipping run by run was faster for runs of 64 rows at any density (up to 2x) and for 1%
         * of rows scattered at random, decoding everything and compacting was as fast or faster
         * (up to 1.3x) from about 20% of rows scattered at random, where a call per run of one or
         * two values costs more than decoding the values between. More than one run per 16 rows
         * (about 7% of rows scattered) switches.
         */
        @Override
        final ColumnVector read(ColumnChunkReader chunk, int n, int[] selected, int count) {
            if (runs(selected, count) > n / 16) {
                return read(chunk, n).select(selected, count);
            }
            allocate(count);
            SelectedValues out = new SelectedValues(chunk.nullable() ? new boolean[count] : null);
            chunk.walk(n, selected, count, out);
            return finish(out.anyNull ? out.nulls : null, count);
        }

        /** How many runs of consecutive rows {@code selected[0..count)} makes. */
        private static int runs(int[] selected, int count) {
            int runs = count == 0 ? 0 : 1;
            for (int i = 1; i < count; i++) {
                runs += selected[i] == selected[i - 1] + 1 ? 0 : 1;
            }
            return runs;
        }

        /** Where the runs of a selection read land: the next output position, and the nulls so far. */
        private final class SelectedValues implements ColumnChunkReader.SelectedRun {
            final boolean[] nulls;
            boolean anyNull;
            int next;

            SelectedValues(boolean[] nulls) {
                this.nulls = nulls;
            }

            @Override
            public void take(ValuesDecoder values, boolean[] runNulls, int from, int length, int present) {
                if (present > 0) {
                    fill(values, next, present);
                }
                if (present < length) {
                    System.arraycopy(runNulls, from, nulls, next, length);
                    spread(nulls, next, length, present);
                    anyNull = true;
                }
                next += length;
            }
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
                appendRun(chunk.values(), nulls, 0, k, present, out);
                chunk.consumed(k);
                done += k;
            }
            return out;
        }

        @Override
        final ColumnVector read(ColumnChunkReader chunk, int n, int[] selected, int count) {
            ColumnVector out = allocate(count);
            chunk.walk(n, selected, count, (values, nulls, from, length, present) ->
                    appendRun(values, nulls, from, length, present, out));
            return out;
        }

        /** Appends rows {@code from..from+length} of a segment whose nulls are {@code nulls}. */
        void appendRun(ValuesDecoder values, boolean[] nulls, int from, int length, int present,
                               ColumnVector out) {
            if (present == length) {
                append(values, length, out);
                return;
            }
            int end = from + length;
            int i = from;
            while (i < end) {
                int j = i;
                while (j < end && nulls[j] == nulls[i]) {
                    j++;
                }
                if (nulls[i]) {
                    for (int x = i; x < j; x++) {
                        out.appendNull();
                    }
                } else {
                    append(values, j - i, out);
                }
                i = j;
            }
        }
    }
}
