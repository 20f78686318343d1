package io.ember.dataframe.internal.io;

import io.ember.dataframe.AnalysisException;
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
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import org.apache.parquet.schema.GroupType;
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

    /**
     * The DataFrame schema of a Parquet file schema: groups are structs, LIST and MAP groups (in
     * the standard three-level layout and the legacy ones older writers use) arrays and maps, and
     * an unannotated repeated field an array of non-null elements, as Spark reads them.
     */
    static StructType toStruct(GroupType message, String file) {
        StructType s = new StructType();
        for (Type t : message.getFields()) {
            s = s.add(t.getName(), toDataType(t, file), !t.isRepetition(Type.Repetition.REQUIRED));
        }
        return s;
    }

    /** The type of field {@code t}, whatever its repetition (a repeated field is an array of it). */
    static DataType toDataType(Type t, String file) {
        DataType inner = t.isPrimitive() ? toDataType(t.asPrimitiveType(), file) : groupType(t.asGroupType(), file);
        return t.isRepetition(Type.Repetition.REPEATED) ? new ArrayType(inner, false) : inner;
    }

    private static DataType groupType(GroupType g, String file) {
        LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            Type repeated = listRepeated(g, file);
            Type element = listElement(g, repeated);
            DataType elementType = element == repeated ? elementOf(repeated, file) : toDataType(element, file);
            return new ArrayType(elementType, element != repeated && !element.isRepetition(Type.Repetition.REQUIRED));
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            Type repeated = listRepeated(g, file);
            if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() < 1) {
                throw new AnalysisException("Parquet file " + file + ": map " + g.getName() + " has no key field");
            }
            GroupType kv = repeated.asGroupType();
            Type value = kv.getFieldCount() > 1 ? kv.getType(1) : null;
            return new MapType(toDataType(kv.getType(0), file),
                    value == null ? DataTypes.NullType : toDataType(value, file),
                    value == null || !value.isRepetition(Type.Repetition.REQUIRED));
        }
        return toStruct(g, file);
    }

    /** The one repeated field of a LIST or MAP group. */
    static Type listRepeated(GroupType g, String file) {
        if (g.getFieldCount() != 1 || !g.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            throw new AnalysisException("Parquet file " + file + ": " + g.getName() + " is annotated "
                    + g.getLogicalTypeAnnotation() + " but does not hold exactly one repeated field");
        }
        return g.getType(0);
    }

    /**
     * The element of a LIST group whose repeated field is {@code repeated}: the repeated field
     * itself in the legacy two-level layouts (a primitive, a group of several fields, or a group
     * named {@code array} or {@code <list>_tuple}), else its single child (the standard layout).
     */
    static Type listElement(GroupType list, Type repeated) {
        if (repeated.isPrimitive()) {
            return repeated;
        }
        GroupType r = repeated.asGroupType();
        if (r.getFieldCount() > 1 || r.getName().equals("array") || r.getName().equals(list.getName() + "_tuple")) {
            return repeated;
        }
        return r.getType(0);
    }

    /** The element type of a two-level list, whose repeated field is the element. */
    private static DataType elementOf(Type repeated, String file) {
        return repeated.isPrimitive() ? toDataType(repeated.asPrimitiveType(), file)
                : toStruct(repeated.asGroupType(), file);
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
            b.addField(toType(f.name(), f.dataType(), f.nullable()));
        }
        return b.named("spark_schema");
    }

    /**
     * The Parquet field Spark writes for a value of {@code t}: arrays and maps in the standard
     * three-level LIST and MAP layouts ({@code list.element}, {@code key_value.key/value}),
     * structs as groups.
     */
    private static Type toType(String name, DataType t, boolean nullable) {
        Type.Repetition rep = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (t instanceof ArrayType a) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(toType("element", a.elementType(), a.containsNull()))
                            .named("list"))
                    .named(name);
        }
        if (t instanceof MapType m) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup().addField(toType("key", m.keyType(), false))
                            .addField(toType("value", m.valueType(), m.valueContainsNull())).named("key_value"))
                    .named(name);
        }
        if (t instanceof StructType s) {
            Types.GroupBuilder<GroupType> g = Types.buildGroup(rep);
            for (StructField f : s) {
                g.addField(toType(f.name(), f.dataType(), f.nullable()));
            }
            return g.named(name);
        }
        if (t instanceof BooleanType) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
        } else if (t instanceof IntegerType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
        } else if (t instanceof LongType) {
            return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
        } else if (t instanceof DoubleType) {
            return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
        } else if (t instanceof StringType) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        } else if (t instanceof BinaryType) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
        } else if (t instanceof DateType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
        } else if (t instanceof TimestampType) {
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        } else if (t instanceof DecimalType d) {
            LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
            if (d.precision() <= 9) {
                return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(name);
            } else if (d.precision() <= 18) {
                return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(name);
            }
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(decimalBytes(d.precision()))
                    .as(dec).named(name);
        }
        throw new AnalysisException("Cannot write column " + name + " of type " + t.simpleString()
                + " to Parquet (supported: boolean, int, bigint, double, decimal, string, date, timestamp, binary, "
                + "and arrays, maps and structs of them)");
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
