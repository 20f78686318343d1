package io.ember.dataframe.io;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/** Mapping between DataFrame types and Parquet's, as Spark writes and reads them. */
final class ParquetSchemas {
    private ParquetSchemas() {
    }

    /** The DataFrame schema of a Parquet file schema (flat columns only). */
    static StructType toStruct(MessageType message, String file) {
        StructType s = new StructType();
        for (Type t : message.getFields()) {
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                throw new AnalysisException("Parquet file " + file + ": column " + t.getName()
                        + " is nested or repeated, which this reader does not support");
            }
            s = s.add(t.getName(), toDataType(t.asPrimitiveType(), file), !t.isRepetition(Type.Repetition.REQUIRED));
        }
        return s;
    }

    static DataType toDataType(PrimitiveType p, String file) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return new DecimalType(d.getPrecision(), d.getScale());
        }
        switch (p.getPrimitiveTypeName()) {
            case BOOLEAN:
                return DataTypes.BooleanType;
            case INT32:
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return DataTypes.DateType;
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned() && i.getBitWidth() == 32) {
                    return DataTypes.LongType;
                }
                return DataTypes.IntegerType;
            case INT64:
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    return DataTypes.TimestampType;
                }
                return DataTypes.LongType;
            case INT96:
                return DataTypes.TimestampType;
            case FLOAT:
            case DOUBLE:
                return DataTypes.DoubleType;
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    return DataTypes.StringType;
                }
                return DataTypes.BinaryType;
            default:
                throw new AnalysisException("Parquet file " + file + ": column " + p.getName() + " has unsupported type "
                        + p);
        }
    }

    /** The Parquet schema Spark writes for {@code schema}. */
    static MessageType toMessage(StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema) {
            Type.Repetition rep = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            DataType t = f.dataType();
            Type field;
            if (t instanceof BooleanType) {
                field = Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(f.name());
            } else if (t instanceof IntegerType) {
                field = Types.primitive(PrimitiveTypeName.INT32, rep).named(f.name());
            } else if (t instanceof LongType) {
                field = Types.primitive(PrimitiveTypeName.INT64, rep).named(f.name());
            } else if (t instanceof DoubleType) {
                field = Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(f.name());
            } else if (t instanceof StringType) {
                field = Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(f.name());
            } else if (t instanceof BinaryType) {
                field = Types.primitive(PrimitiveTypeName.BINARY, rep).named(f.name());
            } else if (t instanceof DateType) {
                field = Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(f.name());
            } else if (t instanceof TimestampType) {
                field = Types.primitive(PrimitiveTypeName.INT64, rep)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
            } else if (t instanceof DecimalType d) {
                LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
                if (d.precision() <= 9) {
                    field = Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(f.name());
                } else if (d.precision() <= 18) {
                    field = Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(f.name());
                } else {
                    field = Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(decimalBytes(d.precision()))
                            .as(dec).named(f.name());
                }
            } else {
                throw new AnalysisException("Cannot write column " + f.name() + " of type " + t.simpleString()
                        + " to Parquet (supported: boolean, int, bigint, double, decimal, string, date, timestamp, binary)");
            }
            b.addField(field);
        }
        return b.named("spark_schema");
    }

    /** Bytes needed for a two's complement decimal of {@code precision} digits. */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }

    /**
     * The type both {@code a} (so far) and {@code b} (of {@code file}) can be read as: int widens
     * to bigint, integers to double, decimals to a wider decimal.
     *
     * @throws AnalysisException naming the file and column when there is none
     */
    static DataType merge(String column, DataType a, DataType b, String file) {
        if (a.equals(b)) {
            return a;
        }
        if ((a instanceof IntegerType && b instanceof LongType) || (a instanceof LongType && b instanceof IntegerType)) {
            return DataTypes.LongType;
        }
        if ((a instanceof DoubleType && (b instanceof IntegerType || b instanceof LongType))
                || (b instanceof DoubleType && (a instanceof IntegerType || a instanceof LongType))) {
            return DataTypes.DoubleType;
        }
        if (a instanceof DecimalType x && b instanceof DecimalType y) {
            int scale = Math.max(x.scale(), y.scale());
            int digits = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            if (digits + scale <= DecimalType.MAX_PRECISION) {
                return new DecimalType(digits + scale, scale);
            }
        }
        throw new AnalysisException("[CANNOT_MERGE_SCHEMAS] Failed merging schemas: column `" + column + "` has type \""
                + a.sql() + "\" in earlier files but \"" + b.sql() + "\" in " + file + ".");
    }

    /** Whether a value of {@code from} (as stored) can be read as {@code to}. */
    static boolean readableAs(DataType from, DataType to) {
        if (from.equals(to)) {
            return true;
        }
        if (to instanceof LongType) {
            return from instanceof IntegerType;
        }
        if (to instanceof DoubleType) {
            return from instanceof IntegerType || from instanceof LongType;
        }
        return from instanceof DecimalType && to instanceof DecimalType;
    }
}
