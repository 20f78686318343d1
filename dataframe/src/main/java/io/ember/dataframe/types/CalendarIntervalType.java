package io.ember.dataframe.types;

/**
 * The type of an interval literal ({@code INTERVAL '90' DAY}): months, days and microseconds,
 * as Spark's {@code CalendarIntervalType}. Intervals are operands of date and timestamp
 * arithmetic only ({@code d + INTERVAL 3 MONTHS}); they cannot be stored in a column. The
 * singleton is {@link DataTypes#CalendarIntervalType}.
 */
public final class CalendarIntervalType extends DataType {
    private static final long serialVersionUID = 1L;

    CalendarIntervalType() {
    }

    @Override
    public String typeName() {
        return "interval";
    }

    @Override
    public String simpleString() {
        return "interval";
    }

    @Override
    public String sql() {
        return "INTERVAL";
    }

    @Override
    public int defaultSize() {
        return 16;
    }

    private Object readResolve() {
        return DataTypes.CalendarIntervalType;
    }
}
