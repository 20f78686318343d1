package io.ember.dataframe.types;

/** 64-bit signed integers. The singleton is {@link DataTypes#LongType}. */
public final class LongType extends DataType {
    private static final long serialVersionUID = 1L;

    LongType() {
    }

    @Override
    public String typeName() {
        return "long";
    }

    @Override
    public String simpleString() {
        return "bigint";
    }

    @Override
    public String sql() {
        return "BIGINT";
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    private Object readResolve() {
        return DataTypes.LongType;
    }
}
