package io.ember.dataframe.types;

import java.util.Objects;

/** Arrays of {@code elementType}; values are {@link java.util.List}s. */
public final class ArrayType extends DataType {
    private static final long serialVersionUID = 1L;

    private final DataType elementType;
    private final boolean containsNull;

    /** An array type whose elements may be null when {@code containsNull}. */
    public ArrayType(DataType elementType, boolean containsNull) {
        this.elementType = Objects.requireNonNull(elementType, "elementType is null");
        this.containsNull = containsNull;
    }

    /** The type of the elements. */
    public DataType elementType() {
        return elementType;
    }

    /** Whether elements may be null. */
    public boolean containsNull() {
        return containsNull;
    }

    @Override
    public String typeName() {
        return "array";
    }

    @Override
    public String simpleString() {
        return "array<" + elementType.simpleString() + ">";
    }

    @Override
    public String sql() {
        return "ARRAY<" + elementType.sql() + ">";
    }

    @Override
    public int defaultSize() {
        return elementType.defaultSize() * 4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayType a && a.elementType.equals(elementType) && a.containsNull == containsNull;
    }

    @Override
    public int hashCode() {
        return elementType.hashCode() * 31 + (containsNull ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ArrayType(" + elementType + "," + containsNull + ")";
    }
}
