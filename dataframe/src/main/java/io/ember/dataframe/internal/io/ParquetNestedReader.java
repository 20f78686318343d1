package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.MapData;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads one nested (or repeated) top-level column of a row group: Parquet's own record assembly
 * rebuilds each row's value from the repetition and definition levels of the column's leaves,
 * and this reader turns it into the internal value (lists for arrays and structs,
 * {@link MapData} for maps). The LIST layouts are told apart as in {@link ParquetSchemas}.
 *
 * <p>Design notes. Flat columns keep their bulk page decoders; nested ones go a row at a time
 * through record assembly, which is slower but handles every layout writers produce.
 */
final class ParquetNestedReader {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private final Type field;
    private final DataType target;
    private final RecordReader<Group> records;

    ParquetNestedReader(Type field, MessageType fileSchema, PageReadStore pages, DataType target) {
        this.field = field;
        this.target = target;
        MessageType one = new MessageType(fileSchema.getName(), field);
        this.records = new ColumnIOFactory().getColumnIO(one, fileSchema)
                .getRecordReader(pages, new GroupRecordConverter(one));
    }

    /** The next {@code n} values. */
    ColumnVector read(int n) {
        ColumnVector out = ColumnVector.allocate(target, n);
        for (int i = 0; i < n; i++) {
            out.append(fieldValue(records.read(), 0, field, target));
        }
        return out;
    }

    /** Field {@code index} of {@code g}: null when absent, all repetitions of a repeated field as an array. */
    private static Object fieldValue(Group g, int index, Type t, DataType type) {
        int count = g.getFieldRepetitionCount(index);
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            DataType element = ((ArrayType) type).elementType();
            List<Object> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(value(g, index, i, t, element));
            }
            return Collections.unmodifiableList(out);
        }
        return count == 0 ? null : value(g, index, 0, t, type);
    }

    /** Repetition {@code i} of field {@code index} of {@code g}, as one value of {@code type}. */
    private static Object value(Group g, int index, int i, Type t, DataType type) {
        if (t.isPrimitive()) {
            return primitive(g, index, i, t.asPrimitiveType(), type);
        }
        return group(g.getGroup(index, i), t.asGroupType(), type);
    }

    private static Object group(Group g, GroupType t, DataType type) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        if (type instanceof ArrayType arr && a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            Type repeated = t.getType(0);
            Type element = ParquetSchemas.listElement(t, repeated);
            int n = g.getFieldRepetitionCount(0);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (element == repeated) {
                    out.add(repeated.isPrimitive() ? primitive(g, 0, i, repeated.asPrimitiveType(), arr.elementType())
                            : struct(g.getGroup(0, i), repeated.asGroupType(), (StructType) arr.elementType()));
                } else {
                    out.add(fieldValue(g.getGroup(0, i), 0, element, arr.elementType()));
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (type instanceof MapType m) {
            int n = g.getFieldRepetitionCount(0);
            List<Object> keys = new ArrayList<>(n);
            List<Object> values = new ArrayList<>(n);
            GroupType kv = t.getType(0).asGroupType();
            for (int i = 0; i < n; i++) {
                Group entry = g.getGroup(0, i);
                keys.add(fieldValue(entry, 0, kv.getType(0), m.keyType()));
                values.add(kv.getFieldCount() > 1 ? fieldValue(entry, 1, kv.getType(1), m.valueType()) : null);
            }
            return new MapData(keys, values);
        }
        return struct(g, t, (StructType) type);
    }

    /** The fields of {@code type} by name; a field the file lacks is null. */
    private static List<Object> struct(Group g, GroupType t, StructType type) {
        List<Object> out = new ArrayList<>(type.size());
        for (StructField f : type) {
            out.add(t.containsField(f.name())
                    ? fieldValue(g, t.getFieldIndex(f.name()), t.getType(f.name()), f.dataType()) : null);
        }
        return Collections.unmodifiableList(out);
    }

    private static Object primitive(Group g, int index, int i, PrimitiveType p, DataType type) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        Object v = switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> g.getBoolean(index, i);
            case INT32 -> a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                    ? BigDecimal.valueOf(g.getInteger(index, i), d.getScale())
                    : a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation n && !n.isSigned() && n.getBitWidth() == 32
                    ? Integer.toUnsignedLong(g.getInteger(index, i)) : (Object) g.getInteger(index, i);
            case INT64 -> a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                    ? BigDecimal.valueOf(g.getLong(index, i), d.getScale())
                    : a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    ? micros(g.getLong(index, i), ts.getUnit()) : (Object) g.getLong(index, i);
            case INT96 -> int96Micros(g.getInt96(index, i));
            case FLOAT -> (double) g.getFloat(index, i);
            case DOUBLE -> g.getDouble(index, i);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(g.getBinary(index, i), a);
        };
        return widen(v, type);
    }

    private static Object binary(Binary b, LogicalTypeAnnotation a) {
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return new BigDecimal(new BigInteger(b.getBytes()), d.getScale());
        }
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return new String(b.getBytes(), StandardCharsets.UTF_8);
        }
        return b.getBytes();
    }

    /** A stored value read as a wider type the schema asks for (int as bigint, integers as double, decimals rescaled). */
    private static Object widen(Object v, DataType type) {
        if (type instanceof LongType && v instanceof Integer x) {
            return (long) x;
        }
        if (type instanceof DoubleType && (v instanceof Integer || v instanceof Long)) {
            return ((Number) v).doubleValue();
        }
        if (type instanceof DecimalType d && v instanceof BigDecimal x) {
            return Values.toDecimal(x, d);
        }
        return v;
    }

    private static long micros(long v, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Math.multiplyExact(v, 1000L);
            case MICROS -> v;
            case NANOS -> Math.floorDiv(v, 1000L);
        };
    }

    /** An INT96 timestamp: nanoseconds of the day, then the Julian day, both little-endian. */
    private static long int96Micros(Binary b) {
        ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanos = buf.getLong();
        long day = buf.getInt();
        return (day - JULIAN_DAY_OF_EPOCH) * 86_400_000_000L + nanos / 1000;
    }
}
