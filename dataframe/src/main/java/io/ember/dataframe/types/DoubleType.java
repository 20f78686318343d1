package io.ember.dataframe.types;

/** 64-bit IEEE 754 floating point numbers. The singleton is {@link DataTypes#DoubleType}. */
public final class DoubleType extends DataType {
    private static final long serialVersionUID = 1L;

    DoubleType() {
    }

    @Override
    public String typeName() {
        return "double";
    }

    @Override
    public String simpleString() {
        return "double";
    }

    @Override
    public String sql() {
        return "DOUBLE";
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    private Object readResolve() {
        return DataTypes.DoubleType;
    }
}
