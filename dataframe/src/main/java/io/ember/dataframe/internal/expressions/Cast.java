package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CAST(child AS to)} with Spark's non-ANSI semantics: a value that cannot be converted
 * (text that is not a number, a decimal that overflows) becomes null. Conversions between text
 * and timestamps, and between dates and timestamps, use {@code zone} (the session time zone).
 */
public record Cast(Expression child, DataType to, String zone) implements Expression, TimeZoneAware {

    /** A cast whose zone the analyzer fills in. */
    public Cast(Expression child, DataType to) {
        this(child, to, null);
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new Cast(c.get(0), to, zone);
    }

    @Override
    public Expression withZone(String zoneId) {
        return new Cast(child, to, zoneId);
    }

    @Override
    public boolean needsZone() {
        return zone == null;
    }

    @Override
    public DataType dataType() {
        return to;
    }

    @Override
    public boolean nullable() {
        DataType from = child.dataType();
        if (from.equals(to)) {
            return child.nullable();
        }
        return child.nullable() || from instanceof StringType || to instanceof DecimalType || to instanceof DateType
                || to instanceof TimestampType;
    }

    /** Whether a value of {@code from} can be cast to {@code to} at all. */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType || to instanceof StringType) {
            return true;
        }
        if (from instanceof StringType) {
            return !(to instanceof ArrayType);
        }
        boolean fromNum = isNumeric(from) || from instanceof BooleanType;
        boolean toNum = isNumeric(to) || to instanceof BooleanType;
        if (fromNum && toNum) {
            return true;
        }
        if (from instanceof DateType) {
            return to instanceof TimestampType;
        }
        if (from instanceof TimestampType) {
            return to instanceof DateType || isNumeric(to);
        }
        if (to instanceof TimestampType) {
            return isNumeric(from);
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return canCast(a.elementType(), b.elementType());
        }
        return false;
    }

    /** Whether {@code t} is int, bigint, double or decimal. */
    public static boolean isNumeric(DataType t) {
        return t instanceof IntegerType || t instanceof LongType || t instanceof DoubleType || t instanceof DecimalType;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector in = child.eval(input);
        DataType from = child.dataType();
        int n = input.numRows;
        if (from.equals(to)) {
            return in;
        }
        // Fast paths between primitive kinds.
        if (from instanceof IntegerType && to instanceof LongType) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = in.ints[i];
            }
            return ColumnVector.ofLongs(to, out, Vectors.copyNulls(in, n), n);
        }
        if ((from instanceof IntegerType || from instanceof LongType) && to instanceof DoubleType) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = from instanceof IntegerType ? in.ints[i] : in.longs[i];
            }
            return ColumnVector.ofDoubles(to, out, Vectors.copyNulls(in, n), n);
        }
        if (DecimalUpscale.applies(in, from, to)) {
            return DecimalUpscale.apply(in, (DecimalType) to, n);
        }
        ZoneId z = zoneId();
        return Vectors.rowwise(to, new ColumnVector[] {in}, n, true, args -> convert(args[0], from, to, z));
    }

    private ZoneId zoneId() {
        return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /** Converts one non-null internal value; null when it cannot be converted. */
    public static Object convert(Object v, DataType from, DataType to, ZoneId zone) {
        if (v == null) {
            return null;
        }
        if (from.equals(to)) {
            return v;
        }
        if (to instanceof StringType) {
            if (from instanceof BinaryType) {
                return new String((byte[]) v, StandardCharsets.UTF_8);
            }
            return Values.format(v, from, zone);
        }
        if (from instanceof StringType) {
            return fromString(((String) v).trim(), to, zone);
        }
        if (from instanceof BooleanType) {
            boolean b = (Boolean) v;
            return convert(b ? 1 : 0, io.ember.dataframe.types.DataTypes.IntegerType, to, zone);
        }
        if (from instanceof DateType) {
            if (to instanceof TimestampType) {
                return Values.instantToMicros(LocalDate.ofEpochDay((Integer) v).atStartOfDay(zone).toInstant());
            }
            return null;
        }
        if (from instanceof TimestampType) {
            long micros = (Long) v;
            if (to instanceof DateType) {
                return (int) LocalDateTime.ofInstant(Values.microsToInstant(micros), zone).toLocalDate().toEpochDay();
            }
            if (to instanceof LongType) {
                return Math.floorDiv(micros, 1_000_000L);
            }
            if (to instanceof IntegerType) {
                return (int) Math.floorDiv(micros, 1_000_000L);
            }
            if (to instanceof DoubleType) {
                return micros / 1_000_000.0;
            }
            if (to instanceof DecimalType d) {
                return Values.toDecimal(BigDecimal.valueOf(micros, 6), d);
            }
            return null;
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(convert(o, a.elementType(), b.elementType(), zone));
            }
            return out;
        }
        // numeric -> numeric / boolean / timestamp
        if (to instanceof TimestampType) {
            if (v instanceof Double d) {
                return d.isNaN() || d.isInfinite() ? null : (long) (d * 1_000_000L);
            }
            if (v instanceof BigDecimal d) {
                return d.movePointRight(6).longValue();
            }
            return ((Number) v).longValue() * 1_000_000L;
        }
        if (to instanceof BooleanType) {
            if (v instanceof BigDecimal d) {
                return d.signum() != 0;
            }
            return ((Number) v).doubleValue() != 0.0;
        }
        if (to instanceof IntegerType) {
            if (v instanceof Double d) {
                return (int) d.doubleValue();
            }
            return ((Number) v).intValue();
        }
        if (to instanceof LongType) {
            if (v instanceof Double d) {
                return (long) d.doubleValue();
            }
            return ((Number) v).longValue();
        }
        if (to instanceof DoubleType) {
            return ((Number) v).doubleValue();
        }
        if (to instanceof DecimalType d) {
            BigDecimal big;
            if (v instanceof BigDecimal b) {
                big = b;
            } else if (v instanceof Double x) {
                if (x.isNaN() || x.isInfinite()) {
                    return null;
                }
                big = BigDecimal.valueOf(x);
            } else {
                big = BigDecimal.valueOf(((Number) v).longValue());
            }
            return Values.toDecimal(big, d);
        }
        return null;
    }

    private static Object fromString(String s, DataType to, ZoneId zone) {
        try {
            if (to instanceof IntegerType) {
                try {
                    return Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    BigDecimal d = new BigDecimal(s);
                    return d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                            || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? null : d.intValue();
                }
            }
            if (to instanceof LongType) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    BigDecimal d = new BigDecimal(s);
                    return d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                            || d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? null : d.longValue();
                }
            }
            if (to instanceof DoubleType) {
                return parseDouble(s);
            }
            if (to instanceof DecimalType d) {
                return Values.toDecimal(new BigDecimal(s), d);
            }
            if (to instanceof BooleanType) {
                return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
                    case "false", "f", "no", "n", "0" -> Boolean.FALSE;
                    default -> null;
                };
            }
            if (to instanceof DateType) {
                return DateTimeParsing.parseDate(s);
            }
            if (to instanceof TimestampType) {
                return DateTimeParsing.parseTimestamp(s, zone);
            }
            if (to instanceof BinaryType) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }

    /** Parses a double as Spark does (also {@code NaN}, {@code Infinity}, {@code inf}); null if not a number. */
    public static Double parseDouble(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (s.isEmpty() || s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String render(List<String> c) {
        return "CAST(" + c.get(0) + " AS " + to.sql() + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
