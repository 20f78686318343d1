package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;

/**
 * Fixed-width targets: booleans, ints and dates, longs and timestamps, doubles. The values land
 * in a primitive array that becomes the vector without a copy; widening (int to bigint or
 * double, float to double), timestamp units and int96 are converted as they are decoded.
 */
final class NumberTargets {
    private NumberTargets() {
    }

    /** How an int64 becomes a long: identity, or a timestamp's unit to microseconds. */
    enum LongUnit {
        SAME, MILLIS_TO_MICROS, NANOS_TO_MICROS
    }

    // Deliberate specialisation: one target per primitive array type, so that decoding and
    // spreading around nulls run on boolean[]/int[]/long[]/double[] without boxing.
    static final class Booleans extends ColumnTarget.Fixed {
        private final DataType type;
        private boolean[] values;

        Booleans(DataType type) {
            this.type = type;
        }

        @Override
        void allocate(int n) {
            values = new boolean[n];
        }

        @Override
        void fill(ValuesDecoder decoder, int off, int present) {
            decoder.readBooleans(values, off, present);
        }

        @Override
        void spread(boolean[] nulls, int off, int k, int present) {
            int j = off + present - 1;
            for (int i = off + k - 1; i >= off; i--) {
                values[i] = !nulls[i] && values[j--];
            }
        }

        @Override
        ColumnVector finish(boolean[] nulls, int n) {
            return ColumnVector.ofBooleans(type, values, nulls, n);
        }
    }

    /** int32 as int or date. */
    static final class Ints extends ColumnTarget.Fixed {
        private final DataType type;
        private int[] values;

        Ints(DataType type) {
            this.type = type;
        }

        @Override
        void allocate(int n) {
            values = new int[n];
        }

        @Override
        void fill(ValuesDecoder decoder, int off, int present) {
            decoder.readInts(values, off, present);
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
            return ColumnVector.ofInts(type, values, nulls, n);
        }
    }

    /** Targets stored as longs (bigint, timestamp). */
    abstract static class Longs extends ColumnTarget.Fixed {
        private final DataType type;
        long[] values;

        Longs(DataType type) {
            this.type = type;
        }

        @Override
        void allocate(int n) {
            values = new long[n];
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
            return ColumnVector.ofLongs(type, values, nulls, n);
        }
    }

    /** int64 as bigint, or as a timestamp in microseconds. */
    static final class Int64s extends Longs {
        private final LongUnit unit;

        Int64s(DataType type, LongUnit unit) {
            super(type);
            this.unit = unit;
        }

        @Override
        void fill(ValuesDecoder decoder, int off, int present) {
            decoder.readLongs(values, off, present);
            if (unit == LongUnit.MILLIS_TO_MICROS) {
                for (int i = off; i < off + present; i++) {
                    values[i] *= 1000;
                }
            } else if (unit == LongUnit.NANOS_TO_MICROS) {
                for (int i = off; i < off + present; i++) {
                    values[i] = Math.floorDiv(values[i], 1000);
                }
            }
        }
    }

    /** int32 widened to bigint (unsigned ones without their sign). */
    static final class Int32sAsLongs extends Longs {
        private final boolean unsigned;
        private int[] scratch = new int[0];

        Int32sAsLongs(DataType type, boolean unsigned) {
            super(type);
            this.unsigned = unsigned;
        }

        @Override
        void fill(ValuesDecoder decoder, int off, int present) {
            scratch = ints(decoder, scratch, present);
            for (int i = 0; i < present; i++) {
                values[off + i] = unsigned ? Integer.toUnsignedLong(scratch[i]) : scratch[i];
            }
        }
    }

    /** Spark's legacy int96 timestamps: nanoseconds of the day, then the Julian day, little-endian. */
    static final class Int96s extends Longs {
        private static final long UNIX_EPOCH_JULIAN_DAY = 2_440_588L;
        private static final long MICROS_PER_DAY = 86_400_000_000L;
        private int next;

        Int96s(DataType type) {
            super(type);
        }

        @Override
        void fill(ValuesDecoder decoder, int off, int present) {
            next = off;
            decoder.readBinaries((data, at, length) -> {
                long nanos = PageBytes.longAt(data, at);
                int julianDay = PageBytes.intAt(data, at + 8);
                values[next++] = (julianDay - UNIX_EPOCH_JULIAN_DAY) * MICROS_PER_DAY + nanos / 1000;
            }, present);
        }
    }

    /** Targets stored as doubles. */
    static final class Doubles extends ColumnTarget.Fixed {
        /** What the file stores. */
        enum Source {
            FLOAT, DOUBLE, INT32, UINT32, INT64
        }

        private final DataType type;
        private final Source source;
        private double[] values;
        private int[] ints = new int[0];
        private long[] longs = new long[0];

        Doubles(DataType type, Source source) {
            this.type = type;
            this.source = source;
        }

        @Override
        void allocate(int n) {
            values = new double[n];
        }

        @Override
        void fill(ValuesDecoder decoder, int off, int present) {
            switch (source) {
                case FLOAT -> decoder.readFloats(values, off, present);
                case DOUBLE -> decoder.readDoubles(values, off, present);
                case INT32, UINT32 -> {
                    ints = ints(decoder, ints, present);
                    for (int i = 0; i < present; i++) {
                        values[off + i] = source == Source.UINT32 ? Integer.toUnsignedLong(ints[i]) : ints[i];
                    }
                }
                case INT64 -> {
                    if (longs.length < present) {
                        longs = new long[present];
                    }
                    decoder.readLongs(longs, 0, present);
                    for (int i = 0; i < present; i++) {
                        values[off + i] = longs[i];
                    }
                }
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
            return ColumnVector.ofDoubles(type, values, nulls, n);
        }
    }

    /** Reads {@code n} int32 into {@code buffer} (grown if too small); returns the buffer. */
    static int[] ints(ValuesDecoder decoder, int[] buffer, int n) {
        int[] b = buffer.length < n ? new int[n] : buffer;
        decoder.readInts(b, 0, n);
        return b;
    }
}
