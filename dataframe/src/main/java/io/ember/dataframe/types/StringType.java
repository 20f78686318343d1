package io.ember.dataframe.types;

/** UTF-16 character strings. The singleton is {@link DataTypes#StringType}. */
public final class StringType extends DataType {
    private static final long serialVersionUID = 1L;

    StringType() {
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public String simpleString() {
        return "string";
    }

    @Override
    public String sql() {
        return "STRING";
    }

    @Override
    public int defaultSize() {
        return 20;
    }

    private Object readResolve() {
        return DataTypes.StringType;
    }
}
