package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Int128;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.DecimalType;
import java.math.BigDecimal;

/**
 * {@code +}, {@code -} and {@code *} whose result type is a wide decimal (precision 19 to 38),
 * on operands held as unscaled longs or 128-bit values ({@code price * (1 - discount)} on
 * decimal(15,2) columns is decimal(32,4)), computed on {@link Int128} words and written to a
 * 128-bit vector with no {@link BigDecimal} per row. It applies when the result's scale is the
 * exact one (Spark's types make it so unless they lost precision past 38 digits), so no row
 * rounds: a result with more digits than the type's precision is null, as on the general path.
 * A row whose operands or result do not fit 128 bits is computed as the general path computes
 * it, so overflow behaves exactly as there.
 */
final class WideDecimalArithmetic {
    private WideDecimalArithmetic() {
    }

    /** Whether {@link #apply} computes {@code op} for these operands and result type. */
    static boolean applies(ArithOp op, ColumnVector a, ColumnVector b, DecimalType t) {
        if (!isDecimal(a) || !isDecimal(b) || ColumnVector.kindOf(t) != ColumnVector.WIDE_DECIMAL) {
            return false;
        }
        return switch (op) {
            case ADD, SUBTRACT -> t.scale() == Math.max(a.scale(), b.scale());
            case MULTIPLY -> t.scale() == a.scale() + b.scale();
            default -> false;
        };
    }

    private static boolean isDecimal(ColumnVector v) {
        return v.kind == ColumnVector.DECIMAL || v.kind == ColumnVector.WIDE_DECIMAL;
    }

    /** {@code a op b} over {@code n} rows; null where either is null or the result does not fit {@code t}. */
    static ColumnVector apply(ArithOp op, ColumnVector a, ColumnVector b, int n, DecimalType t) {
        boolean[] nulls = Vectors.unionNulls(a, b, n);
        int upA = op == ArithOp.MULTIPLY ? 0 : t.scale() - a.scale();
        int upB = op == ArithOp.MULTIPLY ? 0 : t.scale() - b.scale();
        int precision = t.precision();
        long[] hi = new long[n];
        long[] lo = new long[n];
        // The operands rescaled, one row at a time: index 0 holds a's, index 1 b's.
        long[] opHi = new long[2];
        long[] opLo = new long[2];
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            boolean ok = Int128.rescaleUp(high(a, i), a.longs[i], upA, opHi, opLo, 0)
                    && Int128.rescaleUp(high(b, i), b.longs[i], upB, opHi, opLo, 1)
                    && switch (op) {
                        case ADD -> Int128.add(opHi[0], opLo[0], opHi[1], opLo[1], hi, lo, i);
                        case SUBTRACT -> Int128.subtract(opHi[0], opLo[0], opHi[1], opLo[1], hi, lo, i);
                        default -> Int128.multiply(opHi[0], opLo[0], opHi[1], opLo[1], hi, lo, i);
                    };
            if (!ok) {
                nulls = overflowed(op, a, b, i, t, hi, lo, nulls, n);
            } else if (!Int128.fits(hi[i], lo[i], precision)) {
                nulls = Vectors.setNull(nulls, i, n);
            }
        }
        return ColumnVector.ofWideDecimals(t, hi, lo, nulls, n);
    }

    /** The high word of value {@code i}: its own for a wide vector, the sign of the long for a compact one. */
    private static long high(ColumnVector v, int i) {
        return v.kind == ColumnVector.WIDE_DECIMAL ? v.highs[i] : Int128.highOf(v.longs[i]);
    }

    /**
     * Row {@code i} computed as the general path does, for a row past 128 bits; returns the null
     * mask, with the row null if its result does not fit {@code t}.
     */
    private static boolean[] overflowed(ArithOp op, ColumnVector a, ColumnVector b, int i, DecimalType t,
                                        long[] hi, long[] lo, boolean[] nulls, int n) {
        BigDecimal x = a.getDecimal(i);
        BigDecimal y = b.getDecimal(i);
        BigDecimal r = switch (op) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            default -> x.multiply(y);
        };
        BigDecimal fitted = Values.toDecimal(r, t);
        if (fitted == null) {
            return Vectors.setNull(nulls, i, n);
        }
        hi[i] = Int128.highOf(fitted.unscaledValue());
        lo[i] = Int128.lowOf(fitted.unscaledValue());
        return nulls;
    }
}
