package io.ember.dataframe.types;

/** 32-bit signed integers. The singleton is {@link DataTypes#IntegerType}. */
public final class IntegerType extends DataType {
    private static final long serialVersionUID = 1L;

    IntegerType() {
    }

    @Override
    public String typeName() {
        return "integer";
    }

    @Override
    public String simpleString() {
        return "int";
    }

    @Override
    public String sql() {
        return "INT";
    }

    @Override
    public int defaultSize() {
        return 4;
    }

    private Object readResolve() {
        return DataTypes.IntegerType;
    }
}
