package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Decimals;
import io.ember.dataframe.internal.batch.Int128;
import io.ember.dataframe.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimals, stored as int32, int64 (unscaled values) or big-endian two's complement byte arrays.
 * A target of precision at most 18 receives unscaled longs ({@code appendUnscaledDecimal}), and a
 * wider one unscaled 128-bit values (from longs, or from byte arrays of up to 16 bytes), so a
 * file of the target's scale makes no {@link BigDecimal}. A file's scale differing from the
 * target's (merged schemas) is rescaled through BigDecimals, rounding half up like Spark.
 */
final class DecimalTargets {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private DecimalTargets() {
    }

    /** Appends decimals of the file's scale to a vector of the target type. */
    static final class Appender {
        private final int fileScale;
        private final DecimalType target;
        private final boolean small;
        /** The words of one 128-bit value read from bytes. */
        private final long[] hi = new long[1];
        private final long[] lo = new long[1];

        Appender(int fileScale, DecimalType target) {
            this.fileScale = fileScale;
            this.target = target;
            this.small = target.precision() <= 18;
        }

        void append(long unscaled, ColumnVector out) {
            if (target.scale() == fileScale) {
                if (small) {
                    out.appendUnscaledDecimal(unscaled);
                } else {
                    appendWide(Int128.highOf(unscaled), unscaled, out);
                }
            } else if (small && target.scale() > fileScale) {
                try {
                    out.appendUnscaledDecimal(Math.multiplyExact(unscaled, POWERS_OF_TEN[target.scale() - fileScale]));
                } catch (ArithmeticException e) {
                    throw overflow(BigDecimal.valueOf(unscaled, fileScale));
                }
            } else {
                append(BigDecimal.valueOf(unscaled, fileScale), out);
            }
        }

        /** Appends {@code length} (9 or more) big-endian two's complement bytes from {@code off}. */
        void append(byte[] data, int off, int length, ColumnVector out) {
            if (small || target.scale() != fileScale || length > 16) {
                append(new BigDecimal(new BigInteger(data, off, length), fileScale), out);
                return;
            }
            Int128.fromBigEndian(data, off, length, hi, lo, 0);
            appendWide(hi[0], lo[0], out);
        }

        private void appendWide(long high, long low, ColumnVector out) {
            if (!Int128.fits(high, low, target.precision())) {
                throw overflow(Int128.toBigDecimal(high, low, fileScale));
            }
            out.appendUnscaledDecimal(high, low);
        }

        private void append(BigDecimal v, ColumnVector out) {
            BigDecimal scaled = v.setScale(target.scale(), RoundingMode.HALF_UP);
            if (!small) {
                BigInteger u = scaled.unscaledValue();
                if (!Int128.fits(u)) {
                    throw overflow(v);
                }
                appendWide(Int128.highOf(u), Int128.lowOf(u), out);
                return;
            }
            BigInteger u = scaled.unscaledValue();
            if (u.bitLength() > 63) {
                throw overflow(v);
            }
            out.appendUnscaledDecimal(u.longValue());
        }

        private IllegalStateException overflow(BigDecimal v) {
            return new IllegalStateException("Parquet decimal " + v.toPlainString() + " does not fit " + target.sql());
        }
    }

    /**
     * int32 or int64 unscaled values: decoded in bulk to longs; when the target holds unscaled
     * longs at the file's scale, the decoded array becomes the vector as it is (once every value
     * is checked to have at most the target's digits), else each is appended, rescaled.
     */
    // Deliberate specialisation of NumberTargets' long target for unscaled decimals: same primitive
    // spread loop, but values become decimals of the target type in finish().
    static final class FromNumbers extends ColumnTarget.Fixed {
        private final DecimalType type;
        private final boolean int32;
        private final Appender appender;
        private final boolean sameUnscaled;
        private long[] values;
        private int[] ints = new int[0];

        FromNumbers(DecimalType type, boolean int32, int fileScale) {
            this.type = type;
            this.int32 = int32;
            this.appender = new Appender(fileScale, type);
            this.sameUnscaled = Decimals.isCompact(type) && type.scale() == fileScale;
        }

        @Override
        void allocate(int n) {
            values = new long[n];
        }

        @Override
        void fill(ValuesDecoder decoder, int off, int present) {
            if (int32) {
                ints = NumberTargets.ints(decoder, ints, present);
                for (int i = 0; i < present; i++) {
                    values[off + i] = ints[i];
                }
            } else {
                decoder.readLongs(values, off, present);
            }
        }

        @Override
        void spread(boolean[] nulls, int off, int k, int present) {
            int j = off + present - 1;
            for (int i = off + k - 1; i >= off; i--) {
                values[i] = nulls[i] ? 0 : values[j--];
            }
        }

        @Override
        ColumnVector finish(boolean[] nulls, int n) {
            if (sameUnscaled && allFit(n)) {
                return ColumnVector.ofUnscaledDecimals(type, values, nulls, n);
            }
            ColumnVector out = ColumnVector.allocate(type, n);
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    out.appendNull();
                } else {
                    appender.append(values[i], out);
                }
            }
            return out;
        }

        /** Whether the first {@code n} values (nulls are 0 by then) have at most the target's digits. */
        private boolean allFit(int n) {
            long bound = POWERS_OF_TEN[type.precision()];
            boolean fit = true;
            for (int i = 0; i < n; i++) {
                long v = values[i];
                fit &= v < bound && v > -bound;
            }
            return fit;
        }
    }

    /**
     * Byte arrays (fixed-length or not): up to 8 bytes become a long, up to 16 a 128-bit value
     * for a wide target of the file's scale, longer ones or other scales a BigInteger.
     */
    static final class FromBytes extends ColumnTarget.Appending {
        private final DecimalType type;
        private final Appender appender;

        FromBytes(DecimalType type, int fileScale) {
            this.type = type;
            this.appender = new Appender(fileScale, type);
        }

        @Override
        ColumnVector allocate(int n) {
            return ColumnVector.allocate(type, n);
        }

        @Override
        void append(ValuesDecoder values, int count, ColumnVector out) {
            values.readBinaries((data, off, length) -> {
                if (length == 0) {
                    appender.append(0L, out);
                } else if (length <= 8) {
                    long v = data[off];
                    for (int i = 1; i < length; i++) {
                        v = (v << 8) | (data[off + i] & 0xFF);
                    }
                    appender.append(v, out);
                } else {
                    appender.append(data, off, length, out);
                }
            }, count);
        }
    }
}
