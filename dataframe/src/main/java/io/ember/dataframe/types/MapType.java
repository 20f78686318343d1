package io.ember.dataframe.types;

import java.util.Objects;

/**
 * Maps from {@code keyType} to {@code valueType}; keys are never null, values may be when
 * {@code valueContainsNull}. {@link io.ember.dataframe.Row} returns a map value as an
 * insertion-ordered, unmodifiable {@link java.util.Map}.
 *
 * <p>Example: {@code DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType)} is
 * {@code map<string,int>}.
 */
public final class MapType extends DataType {
    private static final long serialVersionUID = 1L;

    private final DataType keyType;
    private final DataType valueType;
    private final boolean valueContainsNull;

    /** A map type whose values may be null when {@code valueContainsNull}. */
    public MapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
        this.keyType = Objects.requireNonNull(keyType, "keyType is null");
        this.valueType = Objects.requireNonNull(valueType, "valueType is null");
        this.valueContainsNull = valueContainsNull;
    }

    /** The type of the keys. */
    public DataType keyType() {
        return keyType;
    }

    /** The type of the values. */
    public DataType valueType() {
        return valueType;
    }

    /** Whether values may be null. */
    public boolean valueContainsNull() {
        return valueContainsNull;
    }

    @Override
    public String typeName() {
        return "map";
    }

    @Override
    public String simpleString() {
        return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
    }

    @Override
    public String sql() {
        return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
    }

    @Override
    public int defaultSize() {
        return keyType.defaultSize() + valueType.defaultSize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapType m && m.keyType.equals(keyType) && m.valueType.equals(valueType)
                && m.valueContainsNull == valueContainsNull;
    }

    @Override
    public int hashCode() {
        return (keyType.hashCode() * 31 + valueType.hashCode()) * 31 + (valueContainsNull ? 1 : 0);
    }

    @Override
    public String toString() {
        return "MapType(" + keyType + "," + valueType + "," + valueContainsNull + ")";
    }
}
