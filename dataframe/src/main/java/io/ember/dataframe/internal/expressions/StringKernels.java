package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Utf8;
import io.ember.dataframe.types.DataTypes;
import java.util.Locale;

/**
 * The hot string functions over whole vectors of UTF-8 bytes, without a {@link String} per row
 * where the bytes suffice (Spark's {@code UTF8String} semantics: lengths and positions in code
 * points). Upper and lower case map ASCII bytes directly and decode only rows with other
 * characters, whose case rules (such as {@code ß} to {@code SS}) need Java's. Null in, null out.
 */
final class StringKernels {
    private StringKernels() {
    }

    /** Whether every argument is a string vector, so these kernels apply. */
    static boolean allStrings(ColumnVector... args) {
        for (ColumnVector a : args) {
            if (a.kind != ColumnVector.STRING) {
                return false;
            }
        }
        return true;
    }

    /** {@code upper(s)} or {@code lower(s)}. */
    static ColumnVector changeCase(ColumnVector s, int n, boolean upper) {
        ColumnVector out = ColumnVector.allocate(DataTypes.StringType, n);
        byte[] scratch = new byte[64];
        for (int i = 0; i < n; i++) {
            if (s.isNull(i)) {
                out.appendNull();
                continue;
            }
            int off = s.offsets[i];
            int len = s.lengths[i];
            if (!Utf8.isAscii(s.bytes, off, len)) {
                String v = s.getString(i);
                out.appendString(upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT));
                continue;
            }
            if (scratch.length < len) {
                scratch = new byte[Math.max(len, scratch.length * 2)];
            }
            for (int k = 0; k < len; k++) {
                byte b = s.bytes[off + k];
                if (upper && b >= 'a' && b <= 'z') {
                    b -= 32;
                } else if (!upper && b >= 'A' && b <= 'Z') {
                    b += 32;
                }
                scratch[k] = b;
            }
            out.appendUtf8(scratch, 0, len);
        }
        return out;
    }

    /** {@code length(s)}: code points. */
    static ColumnVector length(ColumnVector s, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (!s.isNull(i)) {
                out[i] = Utf8.numChars(s.bytes, s.offsets[i], s.lengths[i]);
            }
        }
        return ColumnVector.ofInts(DataTypes.IntegerType, out, Vectors.copyNulls(s, n), n);
    }

    /** {@code trim}, {@code ltrim}, {@code rtrim} of spaces. */
    static ColumnVector trim(ColumnVector s, int n, boolean left, boolean right) {
        ColumnVector out = ColumnVector.allocate(DataTypes.StringType, n);
        for (int i = 0; i < n; i++) {
            if (s.isNull(i)) {
                out.appendNull();
                continue;
            }
            int start = s.offsets[i];
            int end = start + s.lengths[i];
            while (left && start < end && s.bytes[start] == ' ') {
                start++;
            }
            while (right && end > start && s.bytes[end - 1] == ' ') {
                end--;
            }
            out.appendUtf8(s.bytes, start, end - start);
        }
        return out;
    }

    /**
     * Spark's {@code substring(s, pos, len)}: 1-based, a position of 0 is 1, a negative one counts
     * from the end; positions and lengths in code points.
     */
    static ColumnVector substring(ColumnVector s, ColumnVector pos, ColumnVector len, int n) {
        ColumnVector out = ColumnVector.allocate(DataTypes.StringType, n);
        for (int i = 0; i < n; i++) {
            if (s.isNull(i) || pos.isNull(i) || len.isNull(i)) {
                out.appendNull();
                continue;
            }
            int off = s.offsets[i];
            int bytes = s.lengths[i];
            int chars = Utf8.numChars(s.bytes, off, bytes);
            int p = pos.ints[i];
            int l = len.ints[i];
            long start = p > 0 ? p - 1L : p < 0 ? (long) chars + p : 0;
            if (l <= 0 || start >= chars) {
                out.appendUtf8(s.bytes, off, 0);
                continue;
            }
            long end = Math.min(Math.max(start, 0) + l - (start < 0 ? -start : 0), chars);
            start = Math.max(start, 0);
            if (end <= start) {
                out.appendUtf8(s.bytes, off, 0);
                continue;
            }
            int from = Utf8.byteOffsetOfChar(s.bytes, off, bytes, (int) start);
            int to = from + Utf8.byteOffsetOfChar(s.bytes, off + from, bytes - from, (int) (end - start));
            out.appendUtf8(s.bytes, off + from, to - from);
        }
        return out;
    }

    /** {@code concat(a, b, ...)}: null if any argument is. */
    static ColumnVector concat(ColumnVector[] args, int n) {
        ColumnVector out = ColumnVector.allocate(DataTypes.StringType, n);
        byte[] scratch = new byte[64];
        rows:
        for (int i = 0; i < n; i++) {
            int total = 0;
            for (ColumnVector a : args) {
                if (a.isNull(i)) {
                    out.appendNull();
                    continue rows;
                }
                total += a.lengths[i];
            }
            if (scratch.length < total) {
                scratch = new byte[Math.max(total, scratch.length * 2)];
            }
            int at = 0;
            for (ColumnVector a : args) {
                at += a.copyUtf8To(i, scratch, at);
            }
            out.appendUtf8(scratch, 0, at);
        }
        return out;
    }

    /** {@code contains}, {@code startswith} or {@code endswith} of {@code s} and {@code p}. */
    static ColumnVector search(Fn fn, ColumnVector s, ColumnVector p, int n) {
        boolean[] out = new boolean[n];
        boolean[] nulls = Vectors.unionNulls(s, p, n);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            byte[] b = s.bytes;
            int off = s.offsets[i];
            int len = s.lengths[i];
            byte[] q = p.bytes;
            int qOff = p.offsets[i];
            int qLen = p.lengths[i];
            out[i] = switch (fn) {
                case STARTSWITH -> Utf8.startsWith(b, off, len, q, qOff, qLen);
                case ENDSWITH -> Utf8.endsWith(b, off, len, q, qOff, qLen);
                default -> Utf8.indexOf(b, off, len, 0, q, qOff, qLen) >= 0;
            };
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, nulls, n);
    }

    /**
     * {@code s LIKE pattern}. A pattern is compiled once and reused while the next row's pattern
     * has the same bytes (a literal pattern is compiled once per batch).
     */
    static ColumnVector like(ColumnVector s, ColumnVector pattern, int n) {
        boolean[] out = new boolean[n];
        boolean[] nulls = Vectors.unionNulls(s, pattern, n);
        LikeMatcher matcher = null;
        int compiledRow = -1;
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            if (matcher == null || !pattern.utf8Equals(i, pattern, compiledRow)) {
                matcher = LikeMatcher.compile(pattern.getString(i));
                compiledRow = i;
            }
            out[i] = matcher.matches(s, i);
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, nulls, n);
    }
}
