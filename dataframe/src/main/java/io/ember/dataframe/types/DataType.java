package io.ember.dataframe.types;

import java.io.Serializable;

/**
 * The type of a column or expression. Instances are immutable values; the atomic types are
 * singletons in {@link DataTypes}, decimal, array, map and struct types are compared by their
 * parameters.
 *
 * <p>Values of each type, as {@link io.ember.dataframe.Row} returns them: {@code boolean} as
 * {@link Boolean}, {@code int} as {@link Integer}, {@code bigint} as {@link Long}, {@code double}
 * as {@link Double}, {@code decimal(p,s)} as {@link java.math.BigDecimal}, {@code string} as
 * {@link String}, {@code date} as {@link java.sql.Date}, {@code timestamp} as
 * {@link java.sql.Timestamp} (microsecond precision), {@code binary} as {@code byte[]}, arrays as
 * {@link java.util.List}, maps as {@link java.util.Map} (insertion-ordered), structs as
 * {@link io.ember.dataframe.Row}.
 */
public abstract class DataType implements Serializable {
    private static final long serialVersionUID = 1L;

    DataType() {
    }

    /** The name {@code printSchema()} shows, e.g. {@code integer}, {@code decimal(10,2)}. */
    public abstract String typeName();

    /** The short name used in {@code simpleString()} of a struct, e.g. {@code int}, {@code bigint}. */
    public abstract String simpleString();

    /** The SQL / DDL name, e.g. {@code INT}, {@code BIGINT}, {@code DECIMAL(10,2)}. */
    public abstract String sql();

    /** The estimated size of one value in bytes, used for plan statistics. */
    public abstract int defaultSize();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
