package io.ember.dataframe.types;

import java.util.List;
import java.util.Objects;

/** Factories and singletons of the data types, as in Spark's Java API. */
public final class DataTypes {
    private DataTypes() {
    }

    /** {@code boolean}. */
    public static final BooleanType BooleanType = new BooleanType();
    /** {@code int}. */
    public static final IntegerType IntegerType = new IntegerType();
    /** {@code bigint}. */
    public static final LongType LongType = new LongType();
    /** {@code double}. */
    public static final DoubleType DoubleType = new DoubleType();
    /** {@code string}. */
    public static final StringType StringType = new StringType();
    /** {@code date}. */
    public static final DateType DateType = new DateType();
    /** {@code timestamp} (microseconds, session time zone). */
    public static final TimestampType TimestampType = new TimestampType();
    /** {@code binary}. */
    public static final BinaryType BinaryType = new BinaryType();
    /** {@code interval}: an interval literal, an operand of date and timestamp arithmetic only. */
    public static final CalendarIntervalType CalendarIntervalType = new CalendarIntervalType();
    /** The type of an untyped null. */
    public static final NullType NullType = new NullType();

    /** {@code decimal(precision, scale)}. */
    public static DecimalType createDecimalType(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    /** {@code decimal(10,0)}. */
    public static DecimalType createDecimalType() {
        return DecimalType.USER_DEFAULT;
    }

    /** An array whose elements may be null. */
    public static ArrayType createArrayType(DataType elementType) {
        return new ArrayType(elementType, true);
    }

    /** An array of {@code elementType}. */
    public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
        return new ArrayType(elementType, containsNull);
    }

    /** A map whose values may be null, e.g. {@code map<string,int>}. */
    public static MapType createMapType(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    /** A map from {@code keyType} to {@code valueType}. */
    public static MapType createMapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
        return new MapType(keyType, valueType, valueContainsNull);
    }

    /** A field of a struct. */
    public static StructField createStructField(String name, DataType dataType, boolean nullable) {
        return new StructField(name, dataType, nullable);
    }

    /** A struct (schema) of the given fields, in order. */
    public static StructType createStructType(List<StructField> fields) {
        Objects.requireNonNull(fields, "fields is null");
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** A struct (schema) of the given fields, in order. */
    public static StructType createStructType(StructField[] fields) {
        return new StructType(fields);
    }
}
