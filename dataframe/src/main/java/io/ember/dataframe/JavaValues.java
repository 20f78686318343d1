package io.ember.dataframe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Turns the external value of a column (as a {@link Row} holds it) into the Java type of the bean
 * property, record component or encoder that reads it: the engine keeps {@code short}, {@code byte}
 * and {@code float} values as int and double columns, {@code BigInteger} as a decimal, and dates and
 * timestamps as either {@code java.sql} or {@code java.time} objects depending on the session.
 */
final class JavaValues {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, short.class, Short.class, byte.class, Byte.class,
            boolean.class, Boolean.class);

    private JavaValues() {
    }

    /**
     * The value a column holds for the scalar Java value {@code v}: a {@code BigInteger} as a
     * decimal; others as they are (the column's type checks them). Nested values (lists, arrays,
     * maps, beans) are walked by {@link BeanSchema}, which knows their generic types.
     */
    static Object toColumnValue(Object v) {
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        return v;
    }

    /**
     * {@code v} as an instance of {@code target} (boxed for a primitive target).
     *
     * @param where what is being read, for error messages ({@code "field age of Person"})
     * @throws NullPointerException if {@code v} is null and {@code target} is primitive, as Spark
     * @throws IllegalArgumentException if {@code v} cannot become a {@code target}
     */
    static Object toJava(Object v, Class<?> target, String where) {
        if (v == null) {
            if (target.isPrimitive()) {
                throw new NullPointerException("Null value appeared in non-nullable field: " + where + " (type "
                        + target.getName() + "); use a nullable type (e.g. java.lang.Integer instead of int)");
            }
            return null;
        }
        Class<?> t = BOXES.getOrDefault(target, target);
        if (v instanceof Number n && !(v instanceof BigDecimal) && Number.class.isAssignableFrom(t)) {
            Object number = number(n, t);
            if (number != null) {
                return number;
            }
        }
        if (t == BigInteger.class && v instanceof BigDecimal d) {
            return d.toBigIntegerExact();
        }
        if (t == LocalDate.class && v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (t == java.sql.Date.class && v instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (t == Instant.class && v instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (t == java.sql.Timestamp.class && v instanceof Instant i) {
            return java.sql.Timestamp.from(i);
        }
        if (t.isInstance(v)) {
            return v;
        }
        throw new IllegalArgumentException("Cannot read " + where + ": the value " + v + " ("
                + v.getClass().getName() + ") is not a " + target.getName());
    }

    private static Object number(Number n, Class<?> t) {
        if (t == Integer.class) {
            return n.intValue();
        }
        if (t == Long.class) {
            return n.longValue();
        }
        if (t == Double.class) {
            return n.doubleValue();
        }
        if (t == Float.class) {
            return n.floatValue();
        }
        if (t == Short.class) {
            return n.shortValue();
        }
        if (t == Byte.class) {
            return n.byteValue();
        }
        return null;
    }
}
