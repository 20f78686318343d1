package io.ember.dataframe.internal.batch;

import io.ember.dataframe.types.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * Copies of string vectors that keep only the bytes of the values they take, so that a selected,
 * sliced or concatenated vector is compact (values in order, no unused bytes) whatever garbage
 * its source had. The exception is a vector of dictionary entries: its copies keep pointing into
 * the shared dictionary, with their ids, so the dictionary survives filters and slices. Null
 * values get length 0 (and id 0).
 */
final class StringVectors {
    private StringVectors() {
    }

    /** A string vector of {@code n} values with offsets and lengths but no bytes yet. */
    static ColumnVector shell(DataType type, int n) {
        ColumnVector v = new ColumnVector();
        v.type = type;
        v.kind = ColumnVector.STRING;
        v.offsets = new int[n];
        v.lengths = new int[n];
        v.bytes = new byte[0];
        return v;
    }

    /** The bytes of the values at {@code idx[0..n)} (-1 or a null gives an empty value); nulls are the caller's. */
    static ColumnVector select(ColumnVector src, int[] idx, int n) {
        if (src.dictionary != null) {
            ColumnVector out = shell(src.type, n);
            out.dictionaryIds = new int[n];
            for (int k = 0; k < n; k++) {
                int i = idx[k];
                if (i >= 0 && !src.isNull(i)) {
                    pointAt(out, k, src, i);
                }
            }
            return withDictionaryOf(out, src);
        }
        long total = 0;
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            if (i >= 0 && !src.isNull(i)) {
                total += src.lengths[i];
            }
        }
        ColumnVector out = shell(src.type, n);
        out.bytes = new byte[checkedSize(total, src)];
        int at = 0;
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            out.offsets[k] = at;
            if (i >= 0 && !src.isNull(i)) {
                int len = src.lengths[i];
                System.arraycopy(src.bytes, src.offsets[i], out.bytes, at, len);
                out.lengths[k] = len;
                at += len;
            }
        }
        out.bytesUsed = at;
        return out;
    }

    /** Values {@code [from, to)} of {@code src}, without its null mask. */
    static ColumnVector slice(ColumnVector src, int from, int to) {
        int n = to - from;
        ColumnVector out = shell(src.type, n);
        out.size = n;
        if (src.dictionary != null) {
            System.arraycopy(src.offsets, from, out.offsets, 0, n);
            System.arraycopy(src.lengths, from, out.lengths, 0, n);
            out.dictionaryIds = Arrays.copyOfRange(src.dictionaryIds, from, to);
            return withDictionaryOf(out, src);
        }
        out.bytes = new byte[checkedSize(liveBytes(src, from, to), src)];
        out.bytesUsed = copyValues(src, from, to, out, 0, 0);
        return out;
    }

    /** The values of {@code parts} one after the other ({@code n} in all), without null masks. */
    static ColumnVector concat(DataType type, List<ColumnVector> parts, int n) {
        // Shared only if every part points into the very same bytes of the same dictionary.
        ColumnVector dictionary = parts.isEmpty() ? null : parts.get(0).dictionary;
        for (ColumnVector p : parts) {
            dictionary = p.dictionary == dictionary && p.bytes == parts.get(0).bytes ? dictionary : null;
        }
        if (dictionary != null) {
            ColumnVector out = shell(type, n);
            out.dictionaryIds = new int[n];
            int row = 0;
            for (ColumnVector p : parts) {
                System.arraycopy(p.offsets, 0, out.offsets, row, p.size);
                System.arraycopy(p.lengths, 0, out.lengths, row, p.size);
                System.arraycopy(p.dictionaryIds, 0, out.dictionaryIds, row, p.size);
                row += p.size;
            }
            return withDictionaryOf(out, parts.get(0));
        }
        long total = 0;
        for (ColumnVector p : parts) {
            total += liveBytes(p, 0, p.size);
        }
        ColumnVector out = shell(type, n);
        out.bytes = new byte[checkedSize(total, out)];
        int at = 0;
        int row = 0;
        for (ColumnVector p : parts) {
            at = copyValues(p, 0, p.size, out, row, at);
            row += p.size;
        }
        out.bytesUsed = at;
        return out;
    }

    private static void pointAt(ColumnVector out, int k, ColumnVector src, int i) {
        out.offsets[k] = src.offsets[i];
        out.lengths[k] = src.lengths[i];
        out.dictionaryIds[k] = src.dictionaryIds[i];
    }

    private static ColumnVector withDictionaryOf(ColumnVector out, ColumnVector src) {
        out.shareBytesOf(src);
        out.dictionary = src.dictionary;
        return out;
    }

    private static long liveBytes(ColumnVector v, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            if (!v.isNull(i)) {
                total += v.lengths[i];
            }
        }
        return total;
    }

    /**
     * Copies values {@code [from, to)} of {@code src} to rows from {@code row} of {@code out},
     * bytes from {@code at}; returns the byte position after them.
     */
    private static int copyValues(ColumnVector src, int from, int to, ColumnVector out, int row, int at) {
        for (int i = from; i < to; i++) {
            out.offsets[row + i - from] = at;
            if (src.isNull(i)) {
                continue;
            }
            int len = src.lengths[i];
            System.arraycopy(src.bytes, src.offsets[i], out.bytes, at, len);
            out.lengths[row + i - from] = len;
            at += len;
        }
        return at;
    }

    private static int checkedSize(long total, ColumnVector v) {
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a string vector cannot hold more than 2 GB of bytes ("
                    + v.type.typeName() + ")");
        }
        return (int) total;
    }
}
