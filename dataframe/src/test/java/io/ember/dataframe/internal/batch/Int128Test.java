package io.ember.dataframe.internal.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 128-bit kernels against {@link BigInteger}: random values of every width, and the edges
 * (the 18/19-digit and 38-digit boundaries, carries and borrows across the 64-bit word, the
 * extremes of 128 bits, negative values), with overflow reported exactly when the true result
 * does not fit 128 bits.
 */
class Int128Test {
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    private final long[] hi = new long[1];
    private final long[] lo = new long[1];

    private static List<BigInteger> samples() {
        List<BigInteger> v = new ArrayList<>();
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        for (BigInteger b : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN,
                BigInteger.TEN.pow(18).subtract(BigInteger.ONE), BigInteger.TEN.pow(18),
                BigInteger.TEN.pow(19).subtract(BigInteger.ONE), BigInteger.TEN.pow(19),
                BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                two64.subtract(BigInteger.ONE), two64, two64.add(BigInteger.ONE),
                BigInteger.TEN.pow(37), BigInteger.TEN.pow(38).subtract(BigInteger.ONE), BigInteger.TEN.pow(38),
                MAX, BigInteger.ONE.shiftLeft(126)}) {
            v.add(b);
            v.add(b.negate());
        }
        v.add(MIN);
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            BigInteger x = new BigInteger(1 + r.nextInt(127), r);
            v.add(r.nextBoolean() ? x : x.negate());
        }
        return v;
    }

    private static boolean fits(BigInteger v) {
        return v.compareTo(MIN) >= 0 && v.compareTo(MAX) <= 0;
    }

    private BigInteger result() {
        return Int128.toBigInteger(hi[0], lo[0]);
    }

    @Test
    void addSubtractMultiply_matchBigInteger_andReportOverflow() {
        List<BigInteger> s = samples();
        for (BigInteger a : s) {
            long aHi = Int128.highOf(a);
            long aLo = Int128.lowOf(a);
            assertEquals(a, Int128.toBigInteger(aHi, aLo));
            for (BigInteger b : s) {
                long bHi = Int128.highOf(b);
                long bLo = Int128.lowOf(b);
                BigInteger sum = a.add(b);
                assertEquals(fits(sum), Int128.add(aHi, aLo, bHi, bLo, hi, lo, 0), a + " + " + b);
                if (fits(sum)) {
                    assertEquals(sum, result(), a + " + " + b);
                }
                BigInteger difference = a.subtract(b);
                assertEquals(fits(difference), Int128.subtract(aHi, aLo, bHi, bLo, hi, lo, 0), a + " - " + b);
                if (fits(difference)) {
                    assertEquals(difference, result(), a + " - " + b);
                }
                BigInteger product = a.multiply(b);
                boolean ok = Int128.multiply(aHi, aLo, bHi, bLo, hi, lo, 0);
                // -2^127 as product or operand is reported as overflow: callers then take the exact route.
                boolean edge = product.equals(MIN) || a.equals(MIN) || b.equals(MIN);
                assertEquals(fits(product) && !edge, ok, a + " * " + b);
                if (ok) {
                    assertEquals(product, result(), a + " * " + b);
                }
                assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Int128.compare(aHi, aLo, bHi, bLo)),
                        a + " <> " + b);
            }
        }
    }

    @Test
    void multiplyOfLongs_isExact() {
        Random r = new Random(3);
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 999_999_999_999_999_999L, -999_999_999_999_999_999L};
        for (int i = 0; i < 2000; i++) {
            long x = i < edges.length ? edges[i] : r.nextLong();
            long y = i < edges.length ? edges[edges.length - 1 - i] : r.nextLong() >> r.nextInt(64);
            Int128.multiply(x, y, hi, lo, 0);
            assertEquals(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)), result(), x + " * " + y);
        }
    }

    @Test
    void negateAndRescale_matchBigInteger() {
        for (BigInteger a : samples()) {
            long aHi = Int128.highOf(a);
            long aLo = Int128.lowOf(a);
            assertEquals(!a.equals(MIN), Int128.negate(aHi, aLo, hi, lo, 0), "-" + a);
            if (!a.equals(MIN)) {
                assertEquals(a.negate(), result());
            }
            for (int digits : new int[] {0, 1, 2, 9, 18, 19, 20, 37, 38}) {
                BigInteger scaled = a.multiply(BigInteger.TEN.pow(digits));
                boolean ok = Int128.rescaleUp(aHi, aLo, digits, hi, lo, 0);
                assertEquals(digits == 0 || fits(scaled), ok, a + " * 10^" + digits);
                if (ok) {
                    assertEquals(scaled, result());
                }
            }
        }
    }

    @Test
    void fits_atEveryPrecision() {
        for (BigInteger a : samples()) {
            for (int p = 1; p <= 38; p++) {
                boolean expected = a.abs().compareTo(BigInteger.TEN.pow(p)) < 0;
                assertEquals(expected, Int128.fits(Int128.highOf(a), Int128.lowOf(a), p), a + " in " + p + " digits");
            }
        }
        assertTrue(Int128.fits(0, 0, 1));
        assertFalse(Int128.fits(Int128.highOf(BigInteger.TEN.pow(38)), Int128.lowOf(BigInteger.TEN.pow(38)), 38));
    }

    @Test
    void bigEndianBytes_roundTrip() {
        for (BigInteger a : samples()) {
            byte[] minimal = a.toByteArray();
            if (minimal.length > 16) {
                continue;
            }
            Int128.fromBigEndian(minimal, 0, minimal.length, hi, lo, 0);
            assertEquals(a, result(), "from " + minimal.length + " bytes");
            byte[] fixed = Int128.toBigEndian(hi[0], lo[0], 16);
            byte[] padded = new byte[16];
            java.util.Arrays.fill(padded, (byte) (a.signum() < 0 ? -1 : 0));
            System.arraycopy(minimal, 0, padded, 16 - minimal.length, minimal.length);
            assertArrayEquals(padded, fixed, a.toString());
        }
    }

    @Test
    void decimalsAndHashes_agreeWithBigDecimal() {
        List<BigInteger> values = new ArrayList<>(samples());
        Random r = new Random(9);
        for (int i = 0; i < 200; i++) {
            // Trailing zeros, to be stripped across the 64-bit word.
            BigInteger x = new BigInteger(1 + r.nextInt(64), r).multiply(BigInteger.TEN.pow(r.nextInt(20)));
            values.add(r.nextBoolean() ? x : x.negate());
        }
        values.add(BigInteger.ONE.shiftLeft(63).negate().multiply(BigInteger.TEN.pow(5)));
        values.add(BigInteger.ONE.shiftLeft(63).multiply(BigInteger.TEN.pow(5)));
        for (BigInteger a : values) {
            for (int scale : new int[] {0, 2, 10, 38}) {
                BigDecimal d = new BigDecimal(a, scale);
                BigDecimal built = Int128.toBigDecimal(Int128.highOf(a), Int128.lowOf(a), scale);
                assertEquals(d, built);
                assertEquals(Decimals.hash(d), Int128.hash(Int128.highOf(a), Int128.lowOf(a), scale), d.toString());
            }
        }
        assertEquals(Decimals.hash(150, 2), Int128.hash(0, 15, 1), "1.50 and 1.5");
    }
}
