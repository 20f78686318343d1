package io.ember.dataframe.internal.batch;

import io.ember.dataframe.Row;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between external values (what {@code Row} holds and users pass in) and internal
 * values (what column vectors hold: days for dates, microseconds for timestamps, lists of
 * internal values for arrays and for structs (one per field), {@link MapData} for maps), and
 * the value semantics (hash, equality, order, text) shared by operators.
 */
public final class Values {
    private Values() {
    }

    // ---- semantics of object-kind values -------------------------------------------------------

    /**
     * Hash consistent with {@link #equal}, and with {@link ColumnVector#hash} for the same value
     * (strings over their UTF-8 bytes, decimals by value).
     */
    public static int hash(Object v) {
        if (v == null) {
            return 0x9e3779b9;
        }
        if (v instanceof byte[] b) {
            return Arrays.hashCode(b);
        }
        if (v instanceof String s) {
            return Utf8.hash(s);
        }
        if (v instanceof BigDecimal d) {
            return Decimals.hash(d);
        }
        if (v instanceof Double d) {
            return Double.hashCode(d == 0.0 ? 0.0 : d);
        }
        if (v instanceof List<?> l) {
            int h = 1;
            for (Object o : l) {
                h = 31 * h + hash(o);
            }
            return h;
        }
        if (v instanceof MapData m) {
            return m.hashCode();
        }
        return v.hashCode();
    }

    /** Value equality (decimals by value, byte arrays by content). */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Orders two non-null internal values of one type (strings in code point order, as Spark;
     * arrays and structs element by element; maps, which Spark does not order, by keys then values).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return Utf8.compare(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Object p = x.get(i);
                Object q = y.get(i);
                if (p == null || q == null) {
                    if (p != q) {
                        return p == null ? -1 : 1;
                    }
                    continue;
                }
                int c = compare(p, q);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof MapData x && b instanceof MapData y) {
            int c = compare(x.keys(), y.keys());
            return c != 0 ? c : compare(x.values(), y.values());
        }
        return ((Comparable) a).compareTo(b);
    }

    /** Orders two internal values, nulls first. */
    public static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return compare(a, b);
    }

    // ---- external <-> internal -------------------------------------------------------------------

    /**
     * The internal value of an external one, for a column of {@code type}.
     *
     * @throws IllegalArgumentException naming the type when the value does not fit it
     */
    public static Object toInternal(Object v, DataType type, ZoneId zone) {
        if (v == null) {
            return null;
        }
        try {
            if (type instanceof IntegerType) {
                if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    return ((Number) v).intValue();
                }
                if (v instanceof Long l && l == l.intValue()) {
                    return l.intValue();
                }
            } else if (type instanceof LongType) {
                if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    return ((Number) v).longValue();
                }
            } else if (type instanceof DoubleType) {
                if (v instanceof Number n && !(v instanceof BigDecimal)) {
                    return n.doubleValue();
                }
                if (v instanceof BigDecimal d) {
                    return d.doubleValue();
                }
            } else if (type instanceof BooleanType) {
                if (v instanceof Boolean) {
                    return v;
                }
            } else if (type instanceof StringType) {
                if (v instanceof String || v instanceof CharSequence) {
                    return v.toString();
                }
            } else if (type instanceof DecimalType d) {
                BigDecimal big = v instanceof BigDecimal b ? b
                        : v instanceof BigInteger b ? new BigDecimal(b)
                        : v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                        ? BigDecimal.valueOf(((Number) v).longValue())
                        : v instanceof Double || v instanceof Float ? new BigDecimal(v.toString()) : null;
                if (big != null) {
                    BigDecimal scaled = toDecimal(big, d);
                    if (scaled == null) {
                        throw new IllegalArgumentException(big + " cannot be represented as " + d.typeName());
                    }
                    return scaled;
                }
            } else if (type instanceof DateType) {
                if (v instanceof java.sql.Date d) {
                    return (int) d.toLocalDate().toEpochDay();
                }
                if (v instanceof LocalDate d) {
                    return (int) d.toEpochDay();
                }
            } else if (type instanceof TimestampType) {
                if (v instanceof java.sql.Timestamp t) {
                    return instantToMicros(t.toInstant());
                }
                if (v instanceof Instant i) {
                    return instantToMicros(i);
                }
                if (v instanceof LocalDateTime t) {
                    return instantToMicros(t.atZone(zone).toInstant());
                }
                if (v instanceof ZonedDateTime t) {
                    return instantToMicros(t.toInstant());
                }
            } else if (type instanceof BinaryType) {
                if (v instanceof byte[]) {
                    return v;
                }
                if (v instanceof ByteBuffer b) {
                    byte[] out = new byte[b.remaining()];
                    b.duplicate().get(out);
                    return out;
                }
            } else if (type instanceof ArrayType a) {
                List<?> list = v instanceof List<?> l ? l : v instanceof Object[] arr ? Arrays.asList(arr) : null;
                if (list != null) {
                    List<Object> out = new ArrayList<>(list.size());
                    for (Object o : list) {
                        out.add(toInternal(o, a.elementType(), zone));
                    }
                    return Collections.unmodifiableList(out);
                }
            } else if (type instanceof MapType m) {
                if (v instanceof Map<?, ?> map) {
                    List<Object> keys = new ArrayList<>(map.size());
                    List<Object> vals = new ArrayList<>(map.size());
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        keys.add(toInternal(e.getKey(), m.keyType(), zone));
                        vals.add(toInternal(e.getValue(), m.valueType(), zone));
                    }
                    return new MapData(keys, vals);
                }
            } else if (type instanceof StructType s) {
                List<?> fields = v instanceof Row r ? r.toList() : v instanceof List<?> l ? l
                        : v instanceof Object[] arr ? Arrays.asList(arr) : null;
                if (fields != null) {
                    if (fields.size() != s.size()) {
                        throw new IllegalArgumentException("The value " + v + " has " + fields.size()
                                + " fields but " + s.simpleString() + " has " + s.size());
                    }
                    List<Object> out = new ArrayList<>(fields.size());
                    for (int i = 0; i < fields.size(); i++) {
                        out.add(toInternal(fields.get(i), s.apply(i).dataType(), zone));
                    }
                    return Collections.unmodifiableList(out);
                }
            } else if (type instanceof NullType) {
                throw new IllegalArgumentException("a void column holds only nulls");
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(v + " does not fit " + type.typeName(), e);
        }
        throw new IllegalArgumentException("The value " + v + " (" + v.getClass().getName()
                + ") is not a valid external type for " + type.typeName());
    }

    /**
     * The external value of an internal one: dates and timestamps as {@link java.sql.Date} and
     * {@link java.sql.Timestamp}, or as {@link LocalDate} and {@link Instant} when {@code java8Api};
     * arrays as unmodifiable lists, maps as unmodifiable insertion-ordered maps, structs as
     * {@link Row}s with the struct's schema.
     */
    public static Object toExternal(Object v, DataType type, boolean java8Api) {
        if (v == null) {
            return null;
        }
        if (type instanceof DateType) {
            LocalDate d = LocalDate.ofEpochDay((Integer) v);
            return java8Api ? d : java.sql.Date.valueOf(d);
        }
        if (type instanceof TimestampType) {
            Instant i = microsToInstant((Long) v);
            return java8Api ? i : java.sql.Timestamp.from(i);
        }
        if (type instanceof ArrayType a) {
            List<?> list = (List<?>) v;
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(toExternal(o, a.elementType(), java8Api));
            }
            return Collections.unmodifiableList(out);
        }
        if (type instanceof MapType m) {
            MapData map = (MapData) v;
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < map.size(); i++) {
                out.put(toExternal(map.keys().get(i), m.keyType(), java8Api),
                        toExternal(map.values().get(i), m.valueType(), java8Api));
            }
            return Collections.unmodifiableMap(out);
        }
        if (type instanceof StructType s) {
            List<?> fields = (List<?>) v;
            Object[] out = new Object[fields.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = toExternal(fields.get(i), s.apply(i).dataType(), java8Api);
            }
            return Row.withSchema(out, s);
        }
        return v;
    }

    /** {@code big} rounded (half up) to {@code type}'s scale, or null if it overflows the precision. */
    public static BigDecimal toDecimal(BigDecimal big, DecimalType type) {
        BigDecimal scaled = big.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            return null;
        }
        return scaled;
    }

    /** Microseconds since the epoch of an instant. */
    public static long instantToMicros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    /** The instant of microseconds since the epoch. */
    public static Instant microsToInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    // ---- text -----------------------------------------------------------------------------------

    /** The text of an internal value as {@code CAST(v AS STRING)} and {@code show()} give it. */
    public static String format(Object v, DataType type, ZoneId zone) {
        if (v == null) {
            return "null";
        }
        if (type instanceof DateType) {
            return formatDate((Integer) v);
        }
        if (type instanceof TimestampType) {
            return formatTimestamp((Long) v, zone);
        }
        if (type instanceof DecimalType) {
            return ((BigDecimal) v).toPlainString();
        }
        if (type instanceof BinaryType) {
            byte[] b = (byte[]) v;
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(String.format("%02X", b[i]));
            }
            return sb.append(']').toString();
        }
        if (type instanceof ArrayType a) {
            StringBuilder sb = new StringBuilder("[");
            List<?> list = (List<?>) v;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(format(list.get(i), a.elementType(), zone));
            }
            return sb.append(']').toString();
        }
        if (type instanceof MapType m) {
            StringBuilder sb = new StringBuilder("{");
            MapData map = (MapData) v;
            for (int i = 0; i < map.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(format(map.keys().get(i), m.keyType(), zone)).append(" -> ")
                        .append(format(map.values().get(i), m.valueType(), zone));
            }
            return sb.append('}').toString();
        }
        if (type instanceof StructType s) {
            StringBuilder sb = new StringBuilder("{");
            List<?> fields = (List<?>) v;
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(format(fields.get(i), s.apply(i).dataType(), zone));
            }
            return sb.append('}').toString();
        }
        return v.toString();
    }

    /** {@code yyyy-MM-dd}. */
    public static String formatDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in {@code zone}, trailing zeros of the fraction dropped. */
    public static String formatTimestamp(long micros, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(microsToInstant(micros), zone);
        StringBuilder sb = new StringBuilder(26);
        int year = t.getYear();
        if (year < 1000 && year >= 0) {
            sb.append(String.format("%04d", year));
        } else {
            sb.append(year);
        }
        sb.append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int micro = t.getNano() / 1000;
        if (micro != 0) {
            String frac = String.format("%06d", micro);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
