package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;

/**
 * Spark's {@code pmod(a, n)}: the remainder of {@code a / n} made non-negative for a positive
 * {@code n} ({@code r = a % n; r < 0 ? (r + n) % n : r}); null when {@code n} is 0. Two ints give
 * an int, ints and bigints a bigint, anything else (double, decimal) a double.
 */
final class PositiveModulo {
    private PositiveModulo() {
    }

    static DataType resultType(DataType a, DataType n) {
        if (a instanceof IntegerType && n instanceof IntegerType) {
            return DataTypes.IntegerType;
        }
        if (integral(a) && integral(n)) {
            return DataTypes.LongType;
        }
        return DataTypes.DoubleType;
    }

    private static boolean integral(DataType t) {
        return t instanceof IntegerType || t instanceof LongType;
    }

    static Object apply(DataType out, Number a, Number n) {
        if (out instanceof IntegerType || out instanceof LongType) {
            long d = n.longValue();
            if (d == 0) {
                return null;
            }
            long r = a.longValue() % d;
            long m = r < 0 ? (r + d) % d : r;
            // An int result is within the int range: |m| < |d| and d is an int.
            return out instanceof IntegerType ? (Object) (int) m : (Object) m;
        }
        double d = n.doubleValue();
        if (d == 0) {
            return null;
        }
        double r = a.doubleValue() % d;
        return r < 0 ? (r + d) % d : r;
    }
}
