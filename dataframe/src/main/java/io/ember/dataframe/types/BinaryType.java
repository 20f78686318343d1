package io.ember.dataframe.types;

/** Byte arrays. The singleton is {@link DataTypes#BinaryType}. */
public final class BinaryType extends DataType {
    private static final long serialVersionUID = 1L;

    BinaryType() {
    }

    @Override
    public String typeName() {
        return "binary";
    }

    @Override
    public String simpleString() {
        return "binary";
    }

    @Override
    public String sql() {
        return "BINARY";
    }

    @Override
    public int defaultSize() {
        return 100;
    }

    private Object readResolve() {
        return DataTypes.BinaryType;
    }
}
