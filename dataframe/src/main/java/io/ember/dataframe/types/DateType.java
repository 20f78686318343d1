package io.ember.dataframe.types;

/** Calendar dates without a time zone, stored as days since 1970-01-01. The singleton is {@link DataTypes#DateType}. */
public final class DateType extends DataType {
    private static final long serialVersionUID = 1L;

    DateType() {
    }

    @Override
    public String typeName() {
        return "date";
    }

    @Override
    public String simpleString() {
        return "date";
    }

    @Override
    public String sql() {
        return "DATE";
    }

    @Override
    public int defaultSize() {
        return 4;
    }

    private Object readResolve() {
        return DataTypes.DateType;
    }
}
