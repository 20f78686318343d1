package io.ember.dataframe;

import io.ember.dataframe.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a DataFrame, as actions return it: an immutable list of external values (see
 * {@link io.ember.dataframe.types.DataType} for the class of each type), with the schema when the
 * row came from a DataFrame (so that {@link #getAs(String)} works).
 *
 * <p>Typed getters of primitives throw {@link NullPointerException} on a null value, as in
 * Spark; use {@link #isNullAt(int)} first or {@link #get(int)}.
 */
public final class Row implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final StructType schema;

    Row(Object[] values, StructType schema) {
        this.values = values;
        this.schema = schema;
    }

    /** A row of {@code values} without a schema. */
    public static Row of(Object... values) {
        return new Row(values.clone(), null);
    }

    /** A row of {@code values} with {@code schema} (for {@link #getAs(String)}); values are not copied. */
    public static Row withSchema(Object[] values, StructType schema) {
        return new Row(values, schema);
    }

    /** An empty row. */
    public static Row empty() {
        return new Row(new Object[0], null);
    }

    /** The number of fields. */
    public int size() {
        return values.length;
    }

    /** The number of fields. */
    public int length() {
        return values.length;
    }

    /** The schema, or null if this row has none. */
    public StructType schema() {
        return schema;
    }

    /** The value at {@code i} (null for SQL NULL). */
    public Object get(int i) {
        return values[i];
    }

    /** The value at {@code i} (null for SQL NULL). */
    public Object apply(int i) {
        return values[i];
    }

    /** Whether the value at {@code i} is null. */
    public boolean isNullAt(int i) {
        return values[i] == null;
    }

    /** The value at {@code i}, cast to the caller's type. */
    @SuppressWarnings("unchecked")
    public <T> T getAs(int i) {
        return (T) values[i];
    }

    /**
     * The value of the field named {@code fieldName}.
     *
     * @throws UnsupportedOperationException if the row has no schema
     * @throws IllegalArgumentException if there is no such field
     */
    @SuppressWarnings("unchecked")
    public <T> T getAs(String fieldName) {
        return (T) values[fieldIndex(fieldName)];
    }

    /**
     * The position of the field named {@code name}.
     *
     * @throws UnsupportedOperationException if the row has no schema
     */
    public int fieldIndex(String name) {
        if (schema == null) {
            throw new UnsupportedOperationException("fieldIndex on a Row without schema is undefined");
        }
        return schema.fieldIndex(name);
    }

    /** The boolean at {@code i}. */
    public boolean getBoolean(int i) {
        return (Boolean) nonNull(i);
    }

    /** The int at {@code i}. */
    public int getInt(int i) {
        return ((Number) nonNull(i)).intValue();
    }

    /** The long at {@code i}. */
    public long getLong(int i) {
        return ((Number) nonNull(i)).longValue();
    }

    /** The double at {@code i}. */
    public double getDouble(int i) {
        return ((Number) nonNull(i)).doubleValue();
    }

    /** The string at {@code i} (null allowed). */
    public String getString(int i) {
        return (String) values[i];
    }

    /** The decimal at {@code i} (null allowed). */
    public BigDecimal getDecimal(int i) {
        return (BigDecimal) values[i];
    }

    /** The date at {@code i} (null allowed). */
    public java.sql.Date getDate(int i) {
        Object v = values[i];
        return v instanceof LocalDate d ? java.sql.Date.valueOf(d) : (java.sql.Date) v;
    }

    /** The date at {@code i} as a {@link LocalDate} (null allowed). */
    public LocalDate getLocalDate(int i) {
        Object v = values[i];
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    /** The timestamp at {@code i} (null allowed). */
    public java.sql.Timestamp getTimestamp(int i) {
        Object v = values[i];
        return v instanceof Instant t ? java.sql.Timestamp.from(t) : (java.sql.Timestamp) v;
    }

    /** The timestamp at {@code i} as an {@link Instant} (null allowed). */
    public Instant getInstant(int i) {
        Object v = values[i];
        return v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    }

    /** The array at {@code i} as a list (null allowed). */
    @SuppressWarnings("unchecked")
    public <T> List<T> getList(int i) {
        return (List<T>) values[i];
    }

    /** The map at {@code i} (a map column's value; null allowed), as Spark's {@code getJavaMap}. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getJavaMap(int i) {
        return (Map<K, V>) values[i];
    }

    /** The struct at {@code i} as a row with the struct's schema (null allowed). */
    public Row getStruct(int i) {
        return (Row) values[i];
    }

    /** Whether any value is null. */
    public boolean anyNull() {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    /** The values, copied. */
    public Object[] toArray() {
        return values.clone();
    }

    /** The values as a list (nulls kept). */
    public List<Object> toList() {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** The values, as text, separated by {@code sep}. */
    public String mkString(String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(text(values[i]));
        }
        return sb.toString();
    }

    /** The values, as text, without a separator. */
    public String mkString() {
        return mkString("");
    }

    /** Field name to value, in field order. Needs a schema. */
    public Map<String, Object> getValuesMap() {
        if (schema == null) {
            throw new UnsupportedOperationException("getValuesMap on a Row without schema is undefined");
        }
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        String[] names = schema.fieldNames();
        for (int i = 0; i < values.length; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    private Object nonNull(int i) {
        Object v = values[i];
        if (v == null) {
            throw new NullPointerException("Value at index " + i + " is null");
        }
        return v;
    }

    private static String text(Object v) {
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        return String.valueOf(v);
    }

    /**
     * Rows are equal when their values are, compared as Spark's {@code Row.equals} compares them
     * (schemas are ignored): decimals by value ({@code 1.0} equals {@code 1.00}), byte arrays by
     * content, NaN equal to NaN, and other numbers by numeric value across their Java types, as
     * Scala's {@code ==} does ({@code 1} equals {@code 1L} and {@code 1.0}; {@code 0.0} equals
     * {@code -0.0}).
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Row r) || r.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!valueEquals(values[i], r.values[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof BigDecimal x) {
            return b instanceof BigDecimal y && x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x) {
            return b instanceof byte[] y && Arrays.equals(x, y);
        }
        if (primitiveNumber(a) && primitiveNumber(b)) {
            Number x = (Number) a;
            Number y = (Number) b;
            if (floating(x) || floating(y)) {
                double dx = x.doubleValue();
                double dy = y.doubleValue();
                return dx == dy || Double.isNaN(dx) && Double.isNaN(dy);
            }
            return x.longValue() == y.longValue();
        }
        return a.equals(b);
    }

    private static boolean primitiveNumber(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Float
                || v instanceof Short || v instanceof Byte;
    }

    private static boolean floating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    /** Consistent with {@link #equals}: numbers equal across types hash alike. */
    @Override
    public int hashCode() {
        int h = 1;
        for (Object v : values) {
            h = 31 * h + valueHash(v);
        }
        return h;
    }

    private static int valueHash(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
        }
        if (v instanceof byte[] b) {
            return Arrays.hashCode(b);
        }
        if (primitiveNumber(v)) {
            Number n = (Number) v;
            if (!floating(n)) {
                return Long.hashCode(n.longValue());
            }
            double d = n.doubleValue();
            long asLong = (long) d;
            return asLong == d ? Long.hashCode(asLong) : Double.hashCode(d);
        }
        return Objects.hashCode(v);
    }

    /** {@code [v1,v2,...]}, as Spark prints rows. */
    @Override
    public String toString() {
        return "[" + mkString(",") + "]";
    }
}
