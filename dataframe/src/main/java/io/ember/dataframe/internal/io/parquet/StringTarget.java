package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;

/**
 * UTF-8 strings. While every page a read meets is dictionary-encoded, the vector is one of
 * dictionary entries ({@link ColumnVector#ofDictionary}): it keeps the ids and shares the bytes
 * of the chunk's dictionary, decoded once into a string vector. No bytes are copied per row, and
 * grouping and equality can work on the ids. A read that meets a page of another encoding (a
 * writer falls back to plain pages when its dictionary grows too large) copies the strings read
 * so far and appends the rest as bytes, as {@link ByteArrayTarget} does.
 *
 * <p>Owned by one column chunk reader, and so by one thread.
 */
final class StringTarget extends ColumnTarget {
    private final DataType type;
    private final ByteArrayTarget plain;
    private Dictionary decoded;
    private ColumnVector entries;

    StringTarget(DataType type) {
        this.type = type;
        this.plain = new ByteArrayTarget(type);
    }

    @Override
    ColumnVector read(ColumnChunkReader chunk, int n) {
        Read read = new Read(n);
        int done = 0;
        while (done < n) {
            int k = chunk.segment(n - done);
            boolean[] nulls = chunk.segmentNulls(k);
            int present = chunk.levels(nulls, 0, k);
            read.take(chunk.values(), nulls, 0, k, present);
            chunk.consumed(k);
            done += k;
        }
        return read.finish();
    }

    @Override
    ColumnVector read(ColumnChunkReader chunk, int n, int[] selected, int count) {
        Read read = new Read(count);
        chunk.walk(n, selected, count, read::take);
        return read.finish();
    }

    /** The entries of {@code dictionary} as a string vector, made once per dictionary. */
    private ColumnVector entriesOf(Dictionary dictionary) {
        if (decoded != dictionary) {
            ColumnVector v = ColumnVector.allocate(type, dictionary.size);
            for (int e = 0; e < dictionary.size; e++) {
                v.appendUtf8(dictionary.bytes, dictionary.offsets[e], dictionary.offsets[e + 1] - dictionary.offsets[e]);
            }
            decoded = dictionary;
            entries = v;
        }
        return entries;
    }

    /** One read of {@code n} rows: dictionary ids while the pages allow, then bytes. */
    private final class Read {
        private final int n;
        private final int[] ids;
        private boolean[] nulls;
        private int next;
        private Dictionary dictionary;
        private ColumnVector bytes;

        Read(int n) {
            this.n = n;
            this.ids = new int[n];
        }

        void take(ValuesDecoder values, boolean[] runNulls, int from, int length, int present) {
            if (bytes == null && values instanceof DictionaryDecoder d
                    && (dictionary == null || dictionary == d.dictionary())) {
                dictionary = d.dictionary();
                d.readIds(ids, next, present);
                if (present < length) {
                    spreadOverNulls(runNulls, from, length, present);
                }
                next += length;
                return;
            }
            if (bytes == null) {
                bytes = copiedSoFar();
            }
            plain.appendRun(values, runNulls, from, length, present, bytes);
        }

        /** Moves the {@code present} ids at {@code next...} to the rows of the run that are not null (backwards, in place). */
        private void spreadOverNulls(boolean[] runNulls, int from, int length, int present) {
            if (nulls == null) {
                nulls = new boolean[n];
            }
            int source = next + present;
            for (int i = length - 1; i >= 0; i--) {
                if (runNulls[from + i]) {
                    nulls[next + i] = true;
                    ids[next + i] = 0;
                } else {
                    ids[next + i] = ids[--source];
                }
            }
        }

        /** The rows read so far as a vector of copied strings, with room for the rest. */
        private ColumnVector copiedSoFar() {
            ColumnVector out = plain.allocate(n);
            for (int i = 0; i < next; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                } else {
                    int start = dictionary.offsets[ids[i]];
                    out.appendUtf8(dictionary.bytes, start, dictionary.offsets[ids[i] + 1] - start);
                }
            }
            return out;
        }

        ColumnVector finish() {
            if (bytes != null) {
                return bytes;
            }
            if (dictionary == null) {
                if (n != 0) {
                    throw new IllegalStateException("a string read of " + n + " rows took no values");
                }
                return plain.allocate(0);
            }
            return ColumnVector.ofDictionary(entriesOf(dictionary), ids, nulls, n);
        }
    }
}
