package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Int128;

/**
 * Normalized sort-key prefixes: one {@code long} per row, from the first sort key, such that
 * comparing two rows' prefixes as signed longs agrees with the key's order (direction and null
 * placement included) whenever the prefixes differ. Equal prefixes say nothing, and the rows are
 * then compared in full: a string's prefix is only its first eight bytes, and a null shares its
 * prefix with the extreme value. Sorting mostly on primitives this way is what Spark's
 * {@code SortPrefixUtils} does.
 */
final class SortPrefix {
    private SortPrefix() {
    }

    /** Whether {@code kind} of vector has prefixes (nested values do not). */
    static boolean supports(int kind) {
        return kind != ColumnVector.OBJECT;
    }

    /**
     * Writes the prefixes of rows {@code [0, n)} of {@code key} to {@code out} from {@code at},
     * and says whether they are exact: equal only for equal values, as they are for fixed-width
     * values when no row is null (a null shares its prefix with the extreme value).
     *
     * @throws IllegalArgumentException if the key's kind has no prefix ({@link #supports})
     */
    static boolean fill(ColumnVector key, boolean ascending, boolean nullsFirst, int n, long[] out, int at) {
        boolean sawNull = false;
        for (int i = 0; i < n; i++) {
            long p;
            if (key.isNull(i)) {
                p = nullsFirst ? Long.MIN_VALUE : Long.MAX_VALUE;
                sawNull = true;
            } else {
                long v = ascendingPrefix(key, i);
                p = ascending ? v : ~v; // ~ reverses signed order exactly (~v == -v - 1)
            }
            out[at + i] = p;
        }
        return !sawNull && key.kind != ColumnVector.STRING && key.kind != ColumnVector.WIDE_DECIMAL;
    }

    private static long ascendingPrefix(ColumnVector key, int i) {
        return switch (key.kind) {
            case ColumnVector.BOOLEAN -> key.booleans[i] ? 1 : 0;
            case ColumnVector.INT -> key.ints[i];
            case ColumnVector.LONG, ColumnVector.DECIMAL -> key.longs[i];
            case ColumnVector.WIDE_DECIMAL -> widePrefix(key.highs[i], key.longs[i]);
            case ColumnVector.DOUBLE -> doublePrefix(key.doubles[i]);
            case ColumnVector.STRING -> utf8Prefix(key.bytes, key.offsets[i], key.lengths[i]);
            default -> throw new IllegalArgumentException("no sort prefix for " + key.type.typeName());
        };
    }

    /**
     * A 128-bit unscaled value clamped to a long: exact for values that fit one (most), and the
     * extreme long for larger magnitudes, which then share it and are compared in full.
     */
    static long widePrefix(long hi, long lo) {
        if (Int128.isLong(hi, lo)) {
            return lo;
        }
        return hi < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * The double's bits arranged so that signed order is {@link Double#compare}'s: negative
     * values have their magnitude bits flipped, -0.0 comes before 0.0, and every NaN (made
     * canonical) after positive infinity.
     */
    static long doublePrefix(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /**
     * The first eight bytes, zero-padded, as an unsigned big-endian number shifted into signed
     * order: unsigned byte order, as strings compare, as far as eight bytes tell.
     */
    static long utf8Prefix(byte[] bytes, int offset, int length) {
        long p = 0;
        int n = Math.min(length, 8);
        for (int b = 0; b < n; b++) {
            p |= (bytes[offset + b] & 0xFFL) << (56 - 8 * b);
        }
        return p ^ Long.MIN_VALUE;
    }
}
