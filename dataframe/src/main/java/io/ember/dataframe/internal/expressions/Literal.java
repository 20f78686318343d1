package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A constant, held as an internal value of {@code dataType}. */
public record Literal(Object value, DataType dataType) implements LeafExpression {

    /** The untyped null. */
    public static final Literal NULL = new Literal(null, DataTypes.NullType);
    public static final Literal TRUE = new Literal(true, DataTypes.BooleanType);
    public static final Literal FALSE = new Literal(false, DataTypes.BooleanType);

    /**
     * The literal of an external Java value, its type inferred: Integer int, Long bigint, Double
     * double, String string, Boolean boolean, BigDecimal decimal, LocalDate / java.sql.Date date,
     * Instant / java.sql.Timestamp timestamp, byte[] binary, null void.
     *
     * @throws IllegalArgumentException for other classes
     */
    public static Literal create(Object v) {
        if (v == null) {
            return NULL;
        }
        if (v instanceof Literal l) {
            return l;
        }
        DataType t;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            t = DataTypes.IntegerType;
        } else if (v instanceof Long) {
            t = DataTypes.LongType;
        } else if (v instanceof Double || v instanceof Float) {
            t = DataTypes.DoubleType;
        } else if (v instanceof String || v instanceof Character) {
            return new Literal(v.toString(), DataTypes.StringType);
        } else if (v instanceof Boolean) {
            t = DataTypes.BooleanType;
        } else if (v instanceof BigDecimal d) {
            int scale = Math.max(0, d.scale());
            int precision = Math.max(d.precision() - d.scale() + scale, Math.max(scale, 1));
            t = new DecimalType(Math.min(38, precision), Math.min(scale, 38));
        } else if (v instanceof LocalDate || v instanceof java.sql.Date) {
            t = DataTypes.DateType;
        } else if (v instanceof Instant || v instanceof java.sql.Timestamp) {
            t = DataTypes.TimestampType;
        } else if (v instanceof byte[]) {
            t = DataTypes.BinaryType;
        } else {
            throw new IllegalArgumentException("Unsupported literal type " + v.getClass().getName() + ": " + v);
        }
        return new Literal(Values.toInternal(v, t, ZoneId.systemDefault()), t);
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public boolean foldable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        return ColumnVector.constant(dataType, value, input.numRows);
    }

    @Override
    public String render(List<String> childTexts) {
        if (value == null) {
            return "NULL";
        }
        if (dataType instanceof DateType) {
            return "DATE '" + Values.formatDate((Integer) value) + "'";
        }
        if (dataType instanceof TimestampType) {
            return "TIMESTAMP '" + Values.formatTimestamp((Long) value, ZoneId.systemDefault()) + "'";
        }
        if (dataType instanceof StringType) {
            return (String) value;
        }
        if (value instanceof CalendarInterval interval) {
            return interval.sql();
        }
        return Values.format(value, dataType, ZoneId.systemDefault());
    }

    @Override
    public String toString() {
        return explain();
    }
}
