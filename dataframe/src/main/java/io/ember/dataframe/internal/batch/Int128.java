package io.ember.dataframe.internal.batch;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Signed 128-bit two's complement integers as a pair of longs, {@code hi} (the upper 64 bits,
 * carrying the sign) and {@code lo} (the lower 64 bits, read unsigned): the unscaled values of
 * decimals of precision 19 to 38 ({@link ColumnVector#WIDE_DECIMAL}), as DuckDB's hugeint and
 * Spark's Decimal128. Java returns one value, so the kernels that make a 128-bit result write it
 * to {@code outHi[at]} and {@code outLo[at]} (a vector's own arrays, or an accumulator's), and
 * say by their boolean result whether it fits 128 bits; callers then take the {@link BigDecimal}
 * route for that value, so overflow behaves exactly as it does there.
 */
public final class Int128 {
    /** The largest precision held in 128 bits: 10^38 - 1 fits (below 2^127), 10^39 - 1 does not. */
    public static final int MAX_PRECISION = 38;

    private static final long[] POW10_HI = new long[MAX_PRECISION + 1];
    private static final long[] POW10_LO = new long[MAX_PRECISION + 1];
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    static {
        BigInteger p = BigInteger.ONE;
        for (int i = 0; i <= MAX_PRECISION; i++) {
            POW10_HI[i] = p.shiftRight(64).longValue();
            POW10_LO[i] = p.longValue();
            p = p.multiply(BigInteger.TEN);
        }
    }

    private Int128() {
    }

    /** The upper word of {@code v} sign-extended to 128 bits. */
    public static long highOf(long v) {
        return v >> 63;
    }

    /** Whether {@code (hi, lo)} is a long (its upper word only extends the sign of {@code lo}). */
    public static boolean isLong(long hi, long lo) {
        return hi == (lo >> 63);
    }

    /** Signed order of {@code (aHi, aLo)} and {@code (bHi, bLo)}: negative, zero or positive. */
    public static int compare(long aHi, long aLo, long bHi, long bLo) {
        return aHi != bHi ? Long.compare(aHi, bHi) : Long.compareUnsigned(aLo, bLo);
    }

    /** {@code a + b} to {@code out*[at]}; false if the sum does not fit 128 bits. */
    public static boolean add(long aHi, long aLo, long bHi, long bLo, long[] outHi, long[] outLo, int at) {
        long lo = aLo + bLo;
        long hi = aHi + bHi + (Long.compareUnsigned(lo, aLo) < 0 ? 1 : 0);
        outHi[at] = hi;
        outLo[at] = lo;
        return ((aHi ^ hi) & (bHi ^ hi)) >= 0;
    }

    /** {@code a - b} to {@code out*[at]}; false if the difference does not fit 128 bits. */
    public static boolean subtract(long aHi, long aLo, long bHi, long bLo, long[] outHi, long[] outLo, int at) {
        long lo = aLo - bLo;
        long hi = aHi - bHi - (Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0);
        outHi[at] = hi;
        outLo[at] = lo;
        return ((aHi ^ bHi) & (aHi ^ hi)) >= 0;
    }

    /** {@code x * y} of two longs, which always fits 128 bits, to {@code out*[at]}. */
    public static void multiply(long x, long y, long[] outHi, long[] outLo, int at) {
        outHi[at] = Math.multiplyHigh(x, y);
        outLo[at] = x * y;
    }

    /**
     * {@code a * b} to {@code out*[at]}; false if the product does not fit 128 bits, and also
     * when it or an operand is -2^127 (whose magnitude has no positive 128-bit form): callers
     * take the exact route then, as on overflow.
     */
    public static boolean multiply(long aHi, long aLo, long bHi, long bLo, long[] outHi, long[] outLo, int at) {
        if (isLong(aHi, aLo) && isLong(bHi, bLo)) {
            multiply(aLo, bLo, outHi, outLo, at);
            return true;
        }
        boolean negative = (aHi ^ bHi) < 0;
        if (aHi < 0) {
            if (aHi == Long.MIN_VALUE && aLo == 0) {
                return false;
            }
            aLo = -aLo;
            aHi = ~aHi + (aLo == 0 ? 1 : 0);
        }
        if (bHi < 0) {
            if (bHi == Long.MIN_VALUE && bLo == 0) {
                return false;
            }
            bLo = -bLo;
            bHi = ~bHi + (bLo == 0 ? 1 : 0);
        }
        // Magnitudes below 2^127: if both have an upper word the product is at least 2^128.
        if (aHi != 0 && bHi != 0) {
            return false;
        }
        long cross = aHi != 0 ? aHi : bHi;
        long other = aHi != 0 ? bLo : aLo;
        long crossHigh = unsignedMultiplyHigh(cross, other);
        long crossLow = cross * other;
        long hi = unsignedMultiplyHigh(aLo, bLo);
        long lo = aLo * bLo;
        long sumHi = hi + crossLow;
        if (crossHigh != 0 || Long.compareUnsigned(sumHi, hi) < 0 || sumHi < 0) {
            return false;
        }
        if (negative) {
            lo = -lo;
            sumHi = ~sumHi + (lo == 0 ? 1 : 0);
        }
        outHi[at] = sumHi;
        outLo[at] = lo;
        return true;
    }

    /** The upper 64 bits of the unsigned 128-bit product of {@code x} and {@code y}. */
    static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** {@code -(hi, lo)} to {@code out*[at]}; false for -2^127, whose negation does not fit. */
    public static boolean negate(long hi, long lo, long[] outHi, long[] outLo, int at) {
        return subtract(0, 0, hi, lo, outHi, outLo, at);
    }

    /**
     * {@code (hi, lo) * 10^digits} (digits in [0, 38]) to {@code out*[at]}; false if it does not
     * fit 128 bits.
     */
    public static boolean rescaleUp(long hi, long lo, int digits, long[] outHi, long[] outLo, int at) {
        if (digits == 0) {
            outHi[at] = hi;
            outLo[at] = lo;
            return true;
        }
        return multiply(hi, lo, POW10_HI[digits], POW10_LO[digits], outHi, outLo, at);
    }

    /** Whether {@code (hi, lo)} has at most {@code precision} digits (a precision of at most 38). */
    public static boolean fits(long hi, long lo, int precision) {
        long boundHi = POW10_HI[precision];
        long boundLo = POW10_LO[precision];
        if (compare(hi, lo, boundHi, boundLo) >= 0) {
            return false;
        }
        // -bound, as two's complement of the bound
        long negLo = -boundLo;
        long negHi = ~boundHi + (negLo == 0 ? 1 : 0);
        return compare(hi, lo, negHi, negLo) > 0;
    }

    /** {@code (hi, lo)} as a {@link BigInteger}. */
    public static BigInteger toBigInteger(long hi, long lo) {
        if (isLong(hi, lo)) {
            return BigInteger.valueOf(lo);
        }
        BigInteger low = BigInteger.valueOf(lo);
        if (lo < 0) {
            low = low.add(TWO_TO_64);
        }
        return BigInteger.valueOf(hi).shiftLeft(64).add(low);
    }

    /** The decimal {@code (hi, lo) / 10^scale}. */
    public static BigDecimal toBigDecimal(long hi, long lo, int scale) {
        return isLong(hi, lo) ? BigDecimal.valueOf(lo, scale) : new BigDecimal(toBigInteger(hi, lo), scale);
    }

    /** Whether {@code v} fits 128 bits (two's complement). */
    public static boolean fits(BigInteger v) {
        return v.bitLength() <= 127;
    }

    /** The upper word of {@code v}, which must {@link #fits(BigInteger) fit} 128 bits. */
    public static long highOf(BigInteger v) {
        return v.shiftRight(64).longValue();
    }

    /** The lower word of {@code v} ({@link BigInteger#longValue} keeps the low 64 bits). */
    public static long lowOf(BigInteger v) {
        return v.longValue();
    }

    /**
     * {@code length} (1 to 16) big-endian two's complement bytes from {@code off}, as Parquet
     * stores a wide decimal, to {@code out*[at]}.
     */
    public static void fromBigEndian(byte[] data, int off, int length, long[] outHi, long[] outLo, int at) {
        long hi = data[off] >> 7;
        long lo = hi;
        for (int i = 0; i < length; i++) {
            hi = (hi << 8) | (lo >>> 56);
            lo = (lo << 8) | (data[off + i] & 0xFF);
        }
        outHi[at] = hi;
        outLo[at] = lo;
    }

    /** The low {@code length} (1 to 16) bytes of {@code (hi, lo)}, big-endian. */
    public static byte[] toBigEndian(long hi, long lo, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int shift = 8 * (length - 1 - i);
            out[i] = (byte) (shift >= 64 ? hi >>> (shift - 64) : lo >>> shift);
        }
        return out;
    }

    /**
     * A hash of the decimal {@code (hi, lo) / 10^scale} equal to {@link Decimals#hash(long, int)}
     * and {@link Decimals#hash(BigDecimal)} of the same value, so that equal decimals hash alike
     * whatever their layout: trailing zeros are stripped on the words (a value then fitting a long
     * continues as one), with no {@link BigDecimal}.
     */
    public static int hash(long hi, long lo, int scale) {
        if (isLong(hi, lo)) {
            return Decimals.hash(lo, scale);
        }
        if (hi == Long.MIN_VALUE && lo == 0) {
            return Decimals.hash(toBigDecimal(hi, lo, scale));
        }
        boolean negative = hi < 0;
        if (negative) {
            lo = -lo;
            hi = ~hi + (lo == 0 ? 1 : 0);
        }
        // The magnitude, divided by ten while that leaves no remainder.
        while (!isLong(hi, lo)) {
            long qHi = hi / 10;
            long rest = hi % 10;
            long upper = (rest << 32) | (lo >>> 32);
            long qUpper = upper / 10;
            long lower = ((upper % 10) << 32) | (lo & 0xFFFFFFFFL);
            if (lower % 10 != 0) {
                break;
            }
            hi = qHi;
            lo = (qUpper << 32) | (lower / 10);
            scale--;
        }
        if (negative) {
            lo = -lo;
            hi = ~hi + (lo == 0 ? 1 : 0);
        }
        return isLong(hi, lo) ? Decimals.hash(lo, scale) : Decimals.mixed128(hi, lo, scale);
    }
}
