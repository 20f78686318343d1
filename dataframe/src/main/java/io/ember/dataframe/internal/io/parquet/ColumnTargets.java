package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.TimestampType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/** Picks the {@link ColumnTarget} that reads a Parquet physical type as an Ember type. */
final class ColumnTargets {
    private ColumnTargets() {
    }

    /**
     * The target reading {@code p} as {@code type}.
     *
     * @throws IllegalStateException if the stored type cannot be read as {@code type}
     */
    static ColumnTarget of(PrimitiveType p, DataType type) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (type instanceof DecimalType d && a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation fileDecimal) {
            int scale = fileDecimal.getScale();
            return switch (p.getPrimitiveTypeName()) {
                case INT32 -> new DecimalTargets.FromNumbers(d, true, scale);
                case INT64 -> new DecimalTargets.FromNumbers(d, false, scale);
                case BINARY, FIXED_LEN_BYTE_ARRAY -> new DecimalTargets.FromBytes(d, scale);
                default -> throw cannotRead(p, type);
            };
        }
        boolean unsigned = a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        switch (p.getPrimitiveTypeName()) {
            case BOOLEAN:
                if (type instanceof BooleanType) {
                    return new NumberTargets.Booleans(type);
                }
                break;
            case INT32:
                if (type instanceof IntegerType || type instanceof DateType) {
                    return new NumberTargets.Ints(type);
                }
                if (type instanceof LongType) {
                    return new NumberTargets.Int32sAsLongs(type, unsigned);
                }
                if (type instanceof DoubleType) {
                    return new NumberTargets.Doubles(type,
                            unsigned ? NumberTargets.Doubles.Source.UINT32 : NumberTargets.Doubles.Source.INT32);
                }
                break;
            case INT64:
                if (type instanceof LongType || type instanceof TimestampType) {
                    return new NumberTargets.Int64s(type, unit(a));
                }
                if (type instanceof DoubleType) {
                    return new NumberTargets.Doubles(type, NumberTargets.Doubles.Source.INT64);
                }
                break;
            case INT96:
                if (type instanceof TimestampType) {
                    return new NumberTargets.Int96s(type);
                }
                break;
            case FLOAT:
            case DOUBLE:
                if (type instanceof DoubleType) {
                    return new NumberTargets.Doubles(type, p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT
                            ? NumberTargets.Doubles.Source.FLOAT : NumberTargets.Doubles.Source.DOUBLE);
                }
                break;
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                return type instanceof StringType ? new StringTarget(type) : new ByteArrayTarget(type);
            default:
                break;
        }
        throw cannotRead(p, type);
    }

    private static NumberTargets.LongUnit unit(LogicalTypeAnnotation a) {
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
            return switch (t.getUnit()) {
                case MILLIS -> NumberTargets.LongUnit.MILLIS_TO_MICROS;
                case MICROS -> NumberTargets.LongUnit.SAME;
                case NANOS -> NumberTargets.LongUnit.NANOS_TO_MICROS;
            };
        }
        return NumberTargets.LongUnit.SAME;
    }

    private static IllegalStateException cannotRead(PrimitiveType p, DataType type) {
        return new IllegalStateException("Parquet column " + p.getName() + " stored as " + p + " cannot be read as "
                + type.sql());
    }
}
