package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.MapData;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.internal.expressions.DateTimeParsing;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON values and column types, as Spark's JSON source relates them. Inference: integers that fit
 * a long are bigint, larger ones {@code decimal(p,0)} (double beyond 38 digits), other numbers
 * double, strings string, objects structs (fields ordered by name) and arrays arrays of their
 * elements' merged type; merging widens bigint and decimal to decimal, any number with a double
 * to double, merges structs field by field and arrays by element, and turns conflicting types
 * into string. A type seen only as null ends as string ({@link #canonical}). Conversion to a declared type
 * is exact: a value that does not fit is an error, never a different value.
 */
final class JsonTypes {
    private JsonTypes() {
    }

    /** The type inferred for one value ({@link NullType} for null). */
    static DataType infer(Object v, boolean primitivesAsString) {
        if (v == null) {
            return DataTypes.NullType;
        }
        if (v instanceof JsonRecordParser.Nested n) {
            return inferNested(n.value(), primitivesAsString);
        }
        if (v instanceof String || primitivesAsString) {
            return DataTypes.StringType;
        }
        if (v instanceof Boolean) {
            return DataTypes.BooleanType;
        }
        JsonRecordParser.Number n = (JsonRecordParser.Number) v;
        if (!n.integral() || n.special()) {
            return DataTypes.DoubleType;
        }
        BigDecimal d = n.decimal();
        if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return DataTypes.LongType;
        }
        return d.precision() <= DecimalType.MAX_PRECISION ? new DecimalType(d.precision(), 0) : DataTypes.DoubleType;
    }

    private static DataType inferNested(Object value, boolean primitivesAsString) {
        if (value instanceof Map<?, ?> object) {
            TreeMap<String, DataType> fields = new TreeMap<>();
            for (Map.Entry<?, ?> e : object.entrySet()) {
                fields.merge((String) e.getKey(), infer(e.getValue(), primitivesAsString), JsonTypes::merge);
            }
            return struct(fields);
        }
        DataType element = DataTypes.NullType;
        for (Object o : (List<?>) value) {
            element = merge(element, infer(o, primitivesAsString));
        }
        return new ArrayType(element, true);
    }

    private static StructType struct(TreeMap<String, DataType> fields) {
        StructType s = new StructType();
        for (Map.Entry<String, DataType> f : fields.entrySet()) {
            s = s.add(f.getKey(), f.getValue(), true);
        }
        return s;
    }

    /** {@code t} with every type seen only as null made string, as Spark ends inference. */
    static DataType canonical(DataType t) {
        if (t instanceof NullType) {
            return DataTypes.StringType;
        }
        if (t instanceof ArrayType a) {
            return new ArrayType(canonical(a.elementType()), a.containsNull());
        }
        if (t instanceof StructType s) {
            StructType out = new StructType();
            for (StructField f : s) {
                out = out.add(f.name(), canonical(f.dataType()), f.nullable());
            }
            return out;
        }
        return t;
    }

    /** The type both inferred types fit in. */
    static DataType merge(DataType a, DataType b) {
        if (a.equals(b) || b instanceof NullType) {
            return a;
        }
        if (a instanceof NullType) {
            return b;
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            TreeMap<String, DataType> fields = new TreeMap<>();
            for (StructField f : x) {
                fields.put(f.name(), f.dataType());
            }
            for (StructField f : y) {
                fields.merge(f.name(), f.dataType(), JsonTypes::merge);
            }
            return struct(fields);
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return new ArrayType(merge(x.elementType(), y.elementType()), true);
        }
        if (a instanceof DoubleType && numeric(b) || b instanceof DoubleType && numeric(a)) {
            return DataTypes.DoubleType;
        }
        if (numeric(a) && numeric(b)) {
            DecimalType x = asDecimal(a);
            DecimalType y = asDecimal(b);
            int scale = Math.max(x.scale(), y.scale());
            int integral = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            return integral + scale <= DecimalType.MAX_PRECISION ? new DecimalType(integral + scale, scale)
                    : DataTypes.DoubleType;
        }
        return DataTypes.StringType;
    }

    private static boolean numeric(DataType t) {
        return t instanceof LongType || t instanceof DecimalType || t instanceof DoubleType;
    }

    private static DecimalType asDecimal(DataType t) {
        return t instanceof DecimalType d ? d : new DecimalType(20, 0);
    }

    /**
     * The internal value of JSON value {@code v} in a column of {@code type}.
     *
     * @throws IllegalArgumentException saying why the value does not fit the type
     */
    static Object convert(Object v, DataType type, JsonOptions o, ZoneId zone) {
        if (v == null) {
            return null;
        }
        if (type instanceof StringType) {
            if (v instanceof String str) {
                return str;
            }
            return v instanceof JsonRecordParser.Nested n ? n.json()
                    : v instanceof JsonRecordParser.Number n ? n.text() : v.toString();
        }
        if (type instanceof BooleanType && v instanceof Boolean b) {
            return b;
        }
        if (v instanceof JsonRecordParser.Nested n) {
            return convertNested(n, type, o, zone);
        }
        if (v instanceof JsonRecordParser.Number n) {
            if (type instanceof DoubleType) {
                return Double.parseDouble(n.text());
            }
            if (!n.special()) {
                BigDecimal d = n.decimal();
                try {
                    if (type instanceof LongType) {
                        return d.longValueExact();
                    }
                    if (type instanceof IntegerType) {
                        return d.intValueExact();
                    }
                } catch (ArithmeticException e) {
                    throw mismatch(v, type, "out of range or not an integer");
                }
                if (type instanceof DecimalType dt) {
                    BigDecimal fitted = Values.toDecimal(d, dt);
                    if (fitted == null) {
                        throw mismatch(v, type, "too many digits");
                    }
                    return fitted;
                }
            }
        }
        if (v instanceof String str) {
            if (type instanceof DateType) {
                Integer d = o.dateFormat() != null ? DateTimeParsing.parseDate(str, o.dateFormat())
                        : DateTimeParsing.parseDate(str);
                if (d != null) {
                    return d;
                }
            } else if (type instanceof TimestampType) {
                Long t = o.timestampFormat() != null ? DateTimeParsing.parseTimestamp(str, o.timestampFormat(), zone)
                        : DateTimeParsing.parseTimestamp(str, zone);
                if (t != null) {
                    return t;
                }
            } else if (type instanceof DoubleType && (str.equals("NaN") || str.endsWith("Infinity"))) {
                return Double.parseDouble(str);
            } else if (type instanceof BinaryType) {
                return str.getBytes(StandardCharsets.UTF_8);
            }
        }
        throw mismatch(v, type, null);
    }

    private static Object convertNested(JsonRecordParser.Nested n, DataType type, JsonOptions o, ZoneId zone) {
        if (n.value() instanceof Map<?, ?> object) {
            if (type instanceof StructType s) {
                List<Object> fields = new ArrayList<>(s.size());
                for (StructField f : s) {
                    fields.add(convert(object.get(f.name()), f.dataType(), o, zone));
                }
                return Collections.unmodifiableList(fields);
            }
            if (type instanceof MapType m) {
                List<Object> keys = new ArrayList<>(object.size());
                List<Object> values = new ArrayList<>(object.size());
                for (Map.Entry<?, ?> e : object.entrySet()) {
                    keys.add(convert(e.getKey(), m.keyType(), o, zone));
                    values.add(convert(e.getValue(), m.valueType(), o, zone));
                }
                return new MapData(keys, values);
            }
        } else if (type instanceof ArrayType a) {
            List<?> list = (List<?>) n.value();
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(convert(e, a.elementType(), o, zone));
            }
            return Collections.unmodifiableList(out);
        }
        throw mismatch(n, type, null);
    }

    private static IllegalArgumentException mismatch(Object v, DataType type, String why) {
        String shown = v instanceof String s ? "\"" + s + "\"" : v instanceof JsonRecordParser.Number n ? n.text()
                : v instanceof JsonRecordParser.Nested n ? n.json() : String.valueOf(v);
        return new IllegalArgumentException("JSON value " + shown + " cannot be read as " + type.simpleString()
                + (why == null ? "" : " (" + why + ")"));
    }
}
