package io.ember.dataframe.types;

/** Instants with microsecond precision, stored as microseconds since the epoch and shown in the session time zone ({@code ember.sql.session.timeZone}). The singleton is {@link DataTypes#TimestampType}. */
public final class TimestampType extends DataType {
    private static final long serialVersionUID = 1L;

    TimestampType() {
    }

    @Override
    public String typeName() {
        return "timestamp";
    }

    @Override
    public String simpleString() {
        return "timestamp";
    }

    @Override
    public String sql() {
        return "TIMESTAMP";
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    private Object readResolve() {
        return DataTypes.TimestampType;
    }
}
