package io.ember.dataframe.types;

/** The type of an untyped {@code null} literal. The singleton is {@link DataTypes#NullType}. */
public final class NullType extends DataType {
    private static final long serialVersionUID = 1L;

    NullType() {
    }

    @Override
    public String typeName() {
        return "void";
    }

    @Override
    public String simpleString() {
        return "void";
    }

    @Override
    public String sql() {
        return "VOID";
    }

    @Override
    public int defaultSize() {
        return 1;
    }

    private Object readResolve() {
        return DataTypes.NullType;
    }
}
