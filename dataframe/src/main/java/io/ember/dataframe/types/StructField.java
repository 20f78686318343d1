package io.ember.dataframe.types;

import java.io.Serializable;
import java.util.Objects;

/** A named, typed, possibly nullable field of a {@link StructType}. Immutable. */
public final class StructField implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType dataType;
    private final boolean nullable;

    /** A field; {@code name} and {@code dataType} must not be null. */
    public StructField(String name, DataType dataType, boolean nullable) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.dataType = Objects.requireNonNull(dataType, "dataType is null");
        this.nullable = nullable;
    }

    /** The field's name. */
    public String name() {
        return name;
    }

    /** The field's type. */
    public DataType dataType() {
        return dataType;
    }

    /** Whether values may be null. */
    public boolean nullable() {
        return nullable;
    }

    /** {@code name TYPE} (with {@code NOT NULL} if not nullable), as in a DDL string. */
    public String toDDL() {
        return quoteIfNeeded(name) + " " + dataType.sql() + (nullable ? "" : " NOT NULL");
    }

    static String quoteIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructField f && f.name.equals(name) && f.dataType.equals(dataType) && f.nullable == nullable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dataType, nullable);
    }

    @Override
    public String toString() {
        return "StructField(" + name + "," + dataType + "," + nullable + ")";
    }
}
