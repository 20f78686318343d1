package io.ember.dataframe.types;

/** True or false. The singleton is {@link DataTypes#BooleanType}. */
public final class BooleanType extends DataType {
    private static final long serialVersionUID = 1L;

    BooleanType() {
    }

    @Override
    public String typeName() {
        return "boolean";
    }

    @Override
    public String simpleString() {
        return "boolean";
    }

    @Override
    public String sql() {
        return "BOOLEAN";
    }

    @Override
    public int defaultSize() {
        return 1;
    }

    private Object readResolve() {
        return DataTypes.BooleanType;
    }
}
