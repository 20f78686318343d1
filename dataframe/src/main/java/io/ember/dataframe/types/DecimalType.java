package io.ember.dataframe.types;

/**
 * Fixed-point decimals with {@code precision} digits in all, {@code scale} of them after the
 * point. Values are {@link java.math.BigDecimal}s of exactly that scale. Precision is at most 38.
 */
public final class DecimalType extends DataType {
    private static final long serialVersionUID = 1L;
    /** The largest precision. */
    public static final int MAX_PRECISION = 38;
    /** The largest scale. */
    public static final int MAX_SCALE = 38;
    /** {@code decimal(10,0)}, Spark's default for {@code DECIMAL}. */
    public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);
    /** {@code decimal(38,18)}, the type of a {@code BigDecimal} of unknown scale. */
    public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);

    private final int precision;
    private final int scale;

    /**
     * @throws IllegalArgumentException if precision is not in [1, 38] or scale not in [0, precision]
     */
    public DecimalType(int precision, int scale) {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision must be in [1, 38], got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be in [0, precision=" + precision + "], got " + scale);
        }
        this.precision = precision;
        this.scale = scale;
    }

    /** Total number of digits. */
    public int precision() {
        return precision;
    }

    /** Digits after the decimal point. */
    public int scale() {
        return scale;
    }

    @Override
    public String typeName() {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Override
    public String simpleString() {
        return typeName();
    }

    @Override
    public String sql() {
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    @Override
    public int defaultSize() {
        return precision <= 18 ? 8 : 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecimalType d && d.precision == precision && d.scale == scale;
    }

    @Override
    public int hashCode() {
        return precision * 31 + scale;
    }

    @Override
    public String toString() {
        return "DecimalType(" + precision + "," + scale + ")";
    }
}
