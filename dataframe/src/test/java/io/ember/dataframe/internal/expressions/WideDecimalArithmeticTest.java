package io.ember.dataframe.internal.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compact and wide decimal operands with a wide result type, checked row by row against
 * {@link BigDecimal} arithmetic in plain Java: operands of as many digits as their types allow,
 * whose products and sums overflow a long or 128 bits, operands of different scales (one rescaled
 * past a long), negative values and nulls; a result beyond the type's precision is null.
 */
class WideDecimalArithmeticTest {
    /** Values of up to {@code precision} digits, the largest of them among them. */
    private static long[] values(Random r, int n, int precision) {
        long max = BigDecimal.TEN.pow(precision).longValueExact() - 1;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 5) {
                case 0 -> max;
                case 1 -> -max;
                case 2 -> r.nextLong(-max, max);
                case 3 -> r.nextInt(1000) - 500;
                default -> 0;
            };
        }
        return v;
    }

    private static void check(ArithOp op, DecimalType ta, DecimalType tb, DecimalType result) {
        Random r = new Random(op.ordinal() * 31L + ta.scale());
        int n = 200;
        long[] x = values(r, n, ta.precision());
        long[] y = values(new Random(99), n, tb.precision());
        boolean[] nulls = new boolean[n];
        nulls[7] = true;
        ColumnVector a = ColumnVector.ofUnscaledDecimals(ta, x, nulls, n);
        ColumnVector b = ColumnVector.ofUnscaledDecimals(tb, y, null, n);
        assertTrue(WideDecimalArithmetic.applies(op, a, b, result));
        ColumnVector out = WideDecimalArithmetic.apply(op, a, b, n, result);
        for (int i = 0; i < n; i++) {
            if (i == 7) {
                assertTrue(out.isNull(i));
                continue;
            }
            BigDecimal bx = BigDecimal.valueOf(x[i], ta.scale());
            BigDecimal by = BigDecimal.valueOf(y[i], tb.scale());
            BigDecimal expected = switch (op) {
                case ADD -> bx.add(by);
                case SUBTRACT -> bx.subtract(by);
                default -> bx.multiply(by);
            };
            expected = expected.setScale(result.scale());
            assertFalse(out.isNull(i), "row " + i);
            assertEquals(expected, out.getDecimal(i), op + " row " + i + ": " + bx + ", " + by);
        }
    }

    @Test
    void multiply_ofEighteenDigitOperands_isExact() {
        check(ArithOp.MULTIPLY, new DecimalType(18, 2), new DecimalType(18, 2), new DecimalType(37, 4));
        check(ArithOp.MULTIPLY, new DecimalType(15, 2), new DecimalType(16, 2), new DecimalType(32, 4));
    }

    @Test
    void addAndSubtract_rescaleTheSmallerScale_evenPastALong() {
        check(ArithOp.ADD, new DecimalType(18, 0), new DecimalType(18, 10), new DecimalType(29, 10));
        check(ArithOp.SUBTRACT, new DecimalType(18, 0), new DecimalType(18, 10), new DecimalType(29, 10));
        check(ArithOp.ADD, new DecimalType(18, 2), new DecimalType(18, 2), new DecimalType(19, 2));
    }

    @Test
    void otherShapes_takeTheGeneralPath() {
        ColumnVector a = ColumnVector.ofUnscaledDecimals(new DecimalType(10, 2), new long[] {1}, null, 1);
        assertFalse(WideDecimalArithmetic.applies(ArithOp.DIVIDE, a, a, new DecimalType(38, 6)));
        assertFalse(WideDecimalArithmetic.applies(ArithOp.MULTIPLY, a, a, new DecimalType(18, 4)), "compact result");
        assertFalse(WideDecimalArithmetic.applies(ArithOp.MULTIPLY, a, a, new DecimalType(38, 2)), "scale cut");
    }

    /** Wide values of up to {@code precision} digits: the extremes, random widths, both signs, and a null at 7. */
    private static ColumnVector wide(Random r, int n, DecimalType t) {
        BigInteger max = BigInteger.TEN.pow(t.precision()).subtract(BigInteger.ONE);
        ColumnVector v = ColumnVector.allocate(t, n);
        for (int i = 0; i < n; i++) {
            BigInteger u = switch (i % 6) {
                case 0 -> max;
                case 1 -> max.negate();
                case 2 -> BigInteger.valueOf(r.nextLong());
                case 3 -> new BigInteger(1 + r.nextInt(t.precision() * 3), r).min(max);
                case 4 -> new BigInteger(1 + r.nextInt(t.precision() * 3), r).min(max).negate();
                default -> BigInteger.valueOf(r.nextInt(1000) - 500);
            };
            v.append(i == 7 ? null : new BigDecimal(u, t.scale()));
        }
        return v;
    }

    private static void checkAgainstBigDecimal(ArithOp op, ColumnVector a, ColumnVector b, DecimalType result) {
        int n = a.size;
        assertTrue(WideDecimalArithmetic.applies(op, a, b, result));
        ColumnVector out = WideDecimalArithmetic.apply(op, a, b, n, result);
        assertEquals(ColumnVector.WIDE_DECIMAL, out.kind);
        int nulls = 0;
        for (int i = 0; i < n; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                assertTrue(out.isNull(i));
                continue;
            }
            BigDecimal x = a.getDecimal(i);
            BigDecimal y = b.getDecimal(i);
            BigDecimal exact = switch (op) {
                case ADD -> x.add(y);
                case SUBTRACT -> x.subtract(y);
                default -> x.multiply(y);
            };
            BigDecimal expected = Values.toDecimal(exact, result);
            if (expected == null) {
                nulls++;
                assertTrue(out.isNull(i), op + " row " + i + ": " + x + ", " + y + " overflows " + result);
            } else {
                assertFalse(out.isNull(i), op + " row " + i);
                assertEquals(expected, out.getDecimal(i), op + " row " + i + ": " + x + ", " + y);
            }
        }
        assertTrue(nulls < n, "some rows fit");
    }

    @Test
    void wideOperands_matchBigDecimal_andOverflowIsNull() {
        DecimalType t38 = new DecimalType(38, 4);
        DecimalType t30 = new DecimalType(30, 2);
        DecimalType t12 = new DecimalType(12, 2);
        int n = 300;
        ColumnVector a = wide(new Random(1), n, t38);
        ColumnVector b = wide(new Random(2), n, t38);
        ColumnVector c = wide(new Random(3), n, t30);
        ColumnVector small = ColumnVector.ofUnscaledDecimals(t12, values(new Random(4), n, 12), null, n);
        checkAgainstBigDecimal(ArithOp.ADD, a, b, t38);
        checkAgainstBigDecimal(ArithOp.SUBTRACT, a, b, t38);
        checkAgainstBigDecimal(ArithOp.ADD, c, small, new DecimalType(31, 2));
        checkAgainstBigDecimal(ArithOp.SUBTRACT, small, a, t38);
        checkAgainstBigDecimal(ArithOp.MULTIPLY, c, small, new DecimalType(38, 4));
        checkAgainstBigDecimal(ArithOp.MULTIPLY, c, c, new DecimalType(38, 4));
    }
}
