package io.ember.dataframe.internal.batch;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimals of precision at most {@value #MAX_COMPACT_PRECISION} held as unscaled longs (Spark's
 * "compact" decimals): the value is {@code unscaled / 10^scale}, the scale being the column
 * type's. Arithmetic here detects overflow and reports it by an {@link ArithmeticException} or a
 * false {@link #fits}, so that callers give null as Spark does outside ANSI mode.
 */
public final class Decimals {
    /** The largest precision held as an unscaled long: 10^18 - 1 fits, 10^19 - 1 does not. */
    public static final int MAX_COMPACT_PRECISION = 18;

    private static final long[] POW10 = new long[MAX_COMPACT_PRECISION + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /** Whether values of {@code type} are held as unscaled longs. */
    public static boolean isCompact(DataType type) {
        return type instanceof DecimalType d && d.precision() <= MAX_COMPACT_PRECISION;
    }

    /** 10 to the power {@code n}, for {@code n} in [0, 18]. */
    public static long pow10(int n) {
        return POW10[n];
    }

    /** Whether {@code unscaled} has at most {@code precision} digits (a precision of at most 18). */
    public static boolean fits(long unscaled, int precision) {
        long bound = POW10[precision];
        return unscaled < bound && unscaled > -bound;
    }

    /**
     * {@code unscaled} moved up by {@code digits} (>= 0) decimal places.
     *
     * @throws ArithmeticException if the result does not fit a long
     */
    public static long rescaleUp(long unscaled, int digits) {
        if (digits == 0) {
            return unscaled;
        }
        if (digits > MAX_COMPACT_PRECISION) {
            if (unscaled == 0) {
                return 0;
            }
            throw new ArithmeticException("long overflow");
        }
        return Math.multiplyExact(unscaled, POW10[digits]);
    }

    /** The value as a {@link BigDecimal} of the given scale. */
    public static BigDecimal toBigDecimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale);
    }

    /**
     * The unscaled long of {@code value} at {@code type}'s scale (a precision of at most 18).
     *
     * @throws IllegalArgumentException naming the value and type if it needs rounding or has more
     *     digits than the type's precision
     */
    public static long unscaledOf(BigDecimal value, DecimalType type) {
        return unscaledBigOf(value, type).longValueExact();
    }

    /**
     * The unscaled value of {@code value} at {@code type}'s scale, of any precision.
     *
     * @throws IllegalArgumentException naming the value and type if it needs rounding or has more
     *     digits than the type's precision
     */
    public static BigInteger unscaledBigOf(BigDecimal value, DecimalType type) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The decimal " + value + " has more than " + type.scale()
                    + " digits after the point, so it is not a value of " + type.typeName(), e);
        }
        if (scaled.precision() > type.precision()) {
            throw new IllegalArgumentException("The decimal " + value + " has more than " + type.precision()
                    + " digits, so it is not a value of " + type.typeName());
        }
        return scaled.unscaledValue();
    }

    /** The value as a double, rounded once (as {@link BigDecimal#doubleValue} does). */
    public static double toDouble(long unscaled, int scale) {
        if (scale == 0) {
            return unscaled;
        }
        // Both operands are exact doubles below 2^53, so the one division rounds correctly.
        if (unscaled < (1L << 53) && unscaled > -(1L << 53)) {
            return unscaled / (double) POW10[scale];
        }
        return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    /**
     * A hash of the value {@code unscaled / 10^scale} that does not depend on how it is written:
     * trailing zeros are stripped first, so 1.50 (150, scale 2) and 1.5 (15, scale 1) hash alike,
     * and {@link #hash(BigDecimal)} agrees for every value that both can hold (and
     * {@link Int128#hash} for 128-bit values).
     */
    public static int hash(long unscaled, int scale) {
        if (unscaled == 0) {
            return mixed(0, 0);
        }
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return mixed(unscaled, scale);
    }

    /** The hash of a decimal held as an object, equal to {@link #hash(long, int)} of the same value. */
    public static int hash(BigDecimal value) {
        if (value.signum() == 0) {
            return mixed(0, 0);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger unscaled = stripped.unscaledValue();
        if (unscaled.bitLength() < 64) {
            return mixed(unscaled.longValue(), stripped.scale());
        }
        if (Int128.fits(unscaled)) {
            return mixed128(Int128.highOf(unscaled), Int128.lowOf(unscaled), stripped.scale());
        }
        return stripped.hashCode();
    }

    /** The hash of a stripped unscaled value wider than a long (see {@link Int128#hash}). */
    static int mixed128(long hi, long lo, int scale) {
        return mixed(lo ^ Long.rotateLeft(hi, 29) * 0x9e3779b97f4a7c15L, scale);
    }

    private static int mixed(long unscaled, int scale) {
        int h = Long.hashCode(unscaled) * 0x85ebca6b + scale;
        return h ^ (h >>> 15);
    }
}
