package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Decimals;
import io.ember.dataframe.types.DecimalType;

/**
 * {@code +}, {@code -}, {@code *} and {@code %} on decimals held as unscaled longs, when the
 * result type is compact too, without a {@link java.math.BigDecimal} per row. These operations
 * are exact at the result's scale (Spark's result types make them so), so a result that overflows
 * a long or has more digits than the result's precision is exactly the case where the
 * {@code BigDecimal} path gives null: overflow is null, as Spark outside ANSI mode.
 */
final class CompactDecimalArithmetic {
    private CompactDecimalArithmetic() {
    }

    /** Whether {@link #apply} computes {@code op} for these operands and result type. */
    static boolean applies(ArithOp op, ColumnVector a, ColumnVector b, DecimalType t) {
        if (a.kind != ColumnVector.DECIMAL || b.kind != ColumnVector.DECIMAL || !Decimals.isCompact(t)) {
            return false;
        }
        return switch (op) {
            case ADD, SUBTRACT, REMAINDER -> t.scale() == Math.max(a.scale(), b.scale());
            case MULTIPLY -> t.scale() == a.scale() + b.scale();
            case DIVIDE -> false;
        };
    }

    /** {@code a op b} over {@code n} rows; null where either is null, the result overflows or divides by zero. */
    static ColumnVector apply(ArithOp op, ColumnVector a, ColumnVector b, int n, DecimalType t) {
        long[] out = new long[n];
        boolean[] nulls = Vectors.unionNulls(a, b, n);
        int upA = t.scale() - a.scale();
        int upB = t.scale() - b.scale();
        if (op == ArithOp.MULTIPLY) {
            upA = 0;
            upB = 0;
        }
        int precision = t.precision();
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            boolean ok;
            try {
                long x = Decimals.rescaleUp(a.longs[i], upA);
                long y = Decimals.rescaleUp(b.longs[i], upB);
                if (op == ArithOp.REMAINDER && y == 0) {
                    ok = false;
                } else {
                    long r = switch (op) {
                        case ADD -> Math.addExact(x, y);
                        case SUBTRACT -> Math.subtractExact(x, y);
                        case MULTIPLY -> Math.multiplyExact(x, y);
                        default -> x % y;
                    };
                    ok = Decimals.fits(r, precision);
                    out[i] = r;
                }
            } catch (ArithmeticException overflow) {
                ok = false;
            }
            if (!ok) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
                out[i] = 0;
            }
        }
        return ColumnVector.ofUnscaledDecimals(t, out, nulls, n);
    }
}
