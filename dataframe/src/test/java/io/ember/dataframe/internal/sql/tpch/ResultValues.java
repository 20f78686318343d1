package io.ember.dataframe.internal.sql.tpch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Puts the values of two engines in one form so rows compare: numbers as {@link BigDecimal},
 * dates as {@link LocalDate}, text as {@link String}. Numbers are equal when they differ by at
 * most one millionth of the larger of 1 and their magnitude: Spark types averages and decimal
 * quotients with six fractional digits (rounded half up) where DuckDB answers a double, so exact
 * sums compare exactly to the cent and averages and ratios to Spark's sixth digit.
 */
final class ResultValues {
    private static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    private ResultValues() {
    }

    static Object normalise(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value instanceof LocalDate ? value : value.toString();
    }

    static boolean sameRow(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            BigDecimal scale = TOLERANCE.multiply(x.abs().max(y.abs()).max(BigDecimal.ONE));
            return x.subtract(y).abs().compareTo(scale) <= 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}
