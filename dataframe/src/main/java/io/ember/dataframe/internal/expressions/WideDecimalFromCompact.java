package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Decimals;
import io.ember.dataframe.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code +}, {@code -} and {@code *} of two decimals held as unscaled longs whose result type is
 * wider than a long ({@code price * (1 - discount)} on decimal(15,2) columns is decimal(32,4)):
 * the exact result is computed on longs, through {@link BigInteger} only when it overflows one,
 * and each row makes one {@link BigDecimal} (the general path makes three: both operands and the
 * result). The result types of these operations hold every result of operands of at most 18
 * digits exactly, so no row rounds; one that would not fit its type is null, as on the general
 * path.
 */
final class WideDecimalFromCompact {
    private WideDecimalFromCompact() {
    }

    /** Whether {@link #apply} computes {@code op} for these operands and result type. */
    static boolean applies(ArithOp op, ColumnVector a, ColumnVector b, DecimalType t) {
        if (a.kind != ColumnVector.DECIMAL || b.kind != ColumnVector.DECIMAL || Decimals.isCompact(t)) {
            return false;
        }
        return switch (op) {
            case ADD, SUBTRACT -> t.scale() == Math.max(a.scale(), b.scale());
            case MULTIPLY -> t.scale() == a.scale() + b.scale();
            default -> false;
        };
    }

    /** {@code a op b} over {@code n} rows; null where either is null or the result does not fit {@code t}. */
    static ColumnVector apply(ArithOp op, ColumnVector a, ColumnVector b, int n, DecimalType t) {
        boolean[] nulls = Vectors.unionNulls(a, b, n);
        int scale = t.scale();
        int upA = op == ArithOp.MULTIPLY ? 0 : scale - a.scale();
        int upB = op == ArithOp.MULTIPLY ? 0 : scale - b.scale();
        int integerDigits = t.precision() - scale;
        Object[] out = new Object[n];
        long[] x = a.longs;
        long[] y = b.longs;
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            BigDecimal r = op == ArithOp.MULTIPLY ? multiply(x[i], y[i], scale)
                    : addOrSubtract(op, x[i], upA, y[i], upB, scale);
            out[i] = r.precision() - r.scale() > integerDigits ? null : r;
        }
        return ColumnVector.ofObjects(t, out, n);
    }

    private static BigDecimal multiply(long x, long y, int scale) {
        long high = Math.multiplyHigh(x, y);
        long low = x * y;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return BigDecimal.valueOf(low, scale);
        }
        return new BigDecimal(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)), scale);
    }

    private static BigDecimal addOrSubtract(ArithOp op, long x, int upX, long y, int upY, int scale) {
        try {
            long lx = Decimals.rescaleUp(x, upX);
            long ly = Decimals.rescaleUp(y, upY);
            return BigDecimal.valueOf(op == ArithOp.ADD ? Math.addExact(lx, ly) : Math.subtractExact(lx, ly), scale);
        } catch (ArithmeticException overflow) {
            // why: a long overflows only past 18 digits, which the wide result type holds exactly
            BigInteger bx = BigInteger.valueOf(x).multiply(BigInteger.TEN.pow(upX));
            BigInteger by = BigInteger.valueOf(y).multiply(BigInteger.TEN.pow(upY));
            return new BigDecimal(op == ArithOp.ADD ? bx.add(by) : bx.subtract(by), scale);
        }
    }
}
