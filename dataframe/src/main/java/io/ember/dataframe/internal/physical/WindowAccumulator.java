package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.BinaryArithmetic;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The running value of one aggregate over a window frame, fed one input row at a time. It gives
 * the same results (types, null handling, decimal bounds) as the hash aggregate's {@link AggState}
 * for the same rows, but can be read after every row, which frames that grow row by row need.
 */
abstract class WindowAccumulator {

    /** Forgets every row added. */
    abstract void reset();

    /** Adds row {@code i} of {@code in}. */
    abstract void add(ColumnVector in, int i);

    /** Appends the current value to {@code out}. */
    abstract void writeTo(ColumnVector out);

    /** Whether {@link #remove} can take a row added earlier out again, exactly. */
    boolean removable() {
        return false;
    }

    /**
     * Takes row {@code i} of {@code in} out again (only if {@link #removable()}): the row added
     * earliest among those still held, as a frame sliding forward drops them.
     *
     * @throws UnsupportedOperationException if the accumulator cannot remove rows
     */
    void remove(ColumnVector in, int i) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot remove rows");
    }

    /** Whether the value does not depend on the order rows are added in (so frames may be fed backwards). */
    boolean orderInsensitive() {
        return true;
    }

    /**
     * The accumulator of {@code fn} over input of {@code inputType}, giving {@code resultType}.
     * {@code first} and {@code last} have none: {@link FrameValueEvaluator} reads them from the
     * frame's ends directly.
     */
    static WindowAccumulator create(AggFn fn, DataType inputType, DataType resultType) {
        return switch (fn) {
            case COUNT -> new Count();
            case SUM -> new Sum(resultType);
            case AVG -> new Avg(inputType, resultType);
            case MIN -> new MinMax(false);
            case MAX -> new MinMax(true);
            case FIRST, LAST -> throw new IllegalArgumentException(fn.sqlName()
                    + " is read from the frame, not accumulated");
            case COLLECT_LIST -> new Collect(false);
            case COLLECT_SET -> new Collect(true);
            default -> new Moments(fn);
        };
    }

    /**
     * An accumulator of {@code fn} that can {@link #remove} rows, for frames that slide forward,
     * or null if {@code fn} has none: {@code min} and {@code max} keep a monotonic queue
     * ({@link SlidingMinMax}); {@code count}, integer and decimal sums and decimal averages undo
     * their arithmetic.
     */
    static WindowAccumulator createRemovable(AggFn fn, DataType inputType, DataType resultType) {
        if (fn == AggFn.MIN || fn == AggFn.MAX) {
            return new SlidingMinMax(fn == AggFn.MAX);
        }
        if (fn == AggFn.FIRST || fn == AggFn.LAST) {
            return null;
        }
        WindowAccumulator acc = create(fn, inputType, resultType);
        return acc.removable() ? acc : null;
    }

    /** {@code count}: the non-null values. */
    static final class Count extends WindowAccumulator {
        long count;

        @Override
        void reset() {
            count = 0;
        }

        @Override
        void add(ColumnVector in, int i) {
            if (!in.isNull(i)) {
                count++;
            }
        }

        @Override
        boolean removable() {
            return true;
        }

        @Override
        void remove(ColumnVector in, int i) {
            if (!in.isNull(i)) {
                count--;
            }
        }

        @Override
        void writeTo(ColumnVector out) {
            out.appendLong(count);
        }
    }

    /** {@code sum}: a long for integers, a double, or a decimal bounded to the result type. */
    static final class Sum extends WindowAccumulator {
        final DataType type;
        long longSum;
        double doubleSum;
        BigDecimal decimalSum;
        boolean seen;
        /** The non-null values added and not removed. */
        long values;

        Sum(DataType type) {
            this.type = type;
        }

        @Override
        void reset() {
            longSum = 0;
            doubleSum = 0;
            decimalSum = null;
            seen = false;
            values = 0;
        }

        /** Integer sums wrap as Spark's do, so removing is exact; decimals are exact; doubles are not. */
        @Override
        boolean removable() {
            return !(type instanceof DoubleType);
        }

        @Override
        void remove(ColumnVector in, int i) {
            if (in.isNull(i)) {
                return;
            }
            values--;
            seen = values > 0;
            switch (in.kind) {
                case ColumnVector.INT -> longSum -= in.ints[i];
                case ColumnVector.LONG -> longSum -= in.longs[i];
                case ColumnVector.DOUBLE -> throw new UnsupportedOperationException("double sums cannot remove rows");
                default -> decimalSum = decimalSum.subtract(in.getDecimal(i));
            }
        }

        @Override
        void add(ColumnVector in, int i) {
            if (in.isNull(i)) {
                return;
            }
            seen = true;
            values++;
            switch (in.kind) {
                case ColumnVector.INT -> longSum += in.ints[i];
                case ColumnVector.LONG -> longSum += in.longs[i];
                case ColumnVector.DOUBLE -> doubleSum += in.doubles[i];
                default -> {
                    BigDecimal v = in.getDecimal(i);
                    decimalSum = decimalSum == null ? v : decimalSum.add(v);
                }
            }
        }

        @Override
        void writeTo(ColumnVector out) {
            if (!seen) {
                out.appendNull();
            } else if (type instanceof DecimalType d) {
                out.appendObject(Values.toDecimal(decimalSum, d));
            } else if (type instanceof DoubleType) {
                out.appendDouble(doubleSum);
            } else {
                out.appendLong(longSum);
            }
        }

        /** The sum as the hash aggregate would ship it, or null. */
        Object value() {
            if (!seen) {
                return null;
            }
            if (type instanceof DecimalType d) {
                return Values.toDecimal(decimalSum, d);
            }
            return type instanceof DoubleType ? (Object) doubleSum : (Object) longSum;
        }
    }

    /** {@code avg}: a double mean, or a decimal mean rounded half up to the result's scale. */
    static final class Avg extends WindowAccumulator {
        final DataType resultType;
        final Sum sum;
        long count;

        Avg(DataType inputType, DataType resultType) {
            this.resultType = resultType;
            this.sum = new Sum(inputType instanceof DecimalType d
                    ? BinaryArithmetic.bounded(d.precision() + 10, d.scale()) : DataTypes.DoubleType);
        }

        @Override
        void reset() {
            sum.reset();
            count = 0;
        }

        /** Decimal means keep an exact decimal sum; others a double one, which removal would make inexact. */
        @Override
        boolean removable() {
            return sum.removable();
        }

        @Override
        void remove(ColumnVector in, int i) {
            if (!in.isNull(i)) {
                count--;
                sum.remove(in, i);
            }
        }

        @Override
        void add(ColumnVector in, int i) {
            if (in.isNull(i)) {
                return;
            }
            count++;
            if (in.type instanceof DecimalType) {
                sum.add(in, i);
            } else {
                sum.seen = true;
                sum.doubleSum += in.getAsDouble(i);
            }
        }

        @Override
        void writeTo(ColumnVector out) {
            Object s = sum.value();
            if (count == 0 || s == null) {
                out.appendNull();
            } else if (resultType instanceof DecimalType d) {
                BigDecimal v = ((BigDecimal) s).divide(BigDecimal.valueOf(count), d.scale(), RoundingMode.HALF_UP);
                out.appendObject(Values.toDecimal(v, d));
            } else {
                out.appendDouble((Double) s / count);
            }
        }
    }

    /** {@code min} / {@code max}: the row holding the extreme value so far. */
    static final class MinMax extends WindowAccumulator {
        final boolean max;
        ColumnVector source;
        int best = -1;

        MinMax(boolean max) {
            this.max = max;
        }

        @Override
        void reset() {
            best = -1;
        }

        @Override
        void add(ColumnVector in, int i) {
            if (in.isNull(i)) {
                return;
            }
            if (best < 0) {
                source = in;
                best = i;
                return;
            }
            int c = in.compare(i, source, best);
            if (max ? c > 0 : c < 0) {
                source = in; // rows may come from several batches (a spilled window partition)
                best = i;
            }
        }

        @Override
        void writeTo(ColumnVector out) {
            if (best < 0) {
                out.appendNull();
            } else {
                out.appendFrom(source, best);
            }
        }
    }

    /**
     * {@code min} / {@code max} over a frame that slides forward: a queue of the rows that may
     * still become the extreme (each better than every later one), so the front is the extreme
     * and each row enters and leaves the queue once. Rows are known by the order they were added
     * in, since they leave in that order, so they may come from several batches.
     */
    static final class SlidingMinMax extends WindowAccumulator {
        final boolean max;
        /** The candidates, oldest first: {@code size} of them from {@code head} in a ring. */
        ColumnVector[] sources = new ColumnVector[16];
        int[] rows = new int[16];
        long[] sequence = new long[16];
        int head;
        int size;
        long added;
        long removed;

        SlidingMinMax(boolean max) {
            this.max = max;
        }

        @Override
        boolean removable() {
            return true;
        }

        @Override
        void reset() {
            head = 0;
            size = 0;
            added = 0;
            removed = 0;
            java.util.Arrays.fill(sources, null);
        }

        @Override
        void add(ColumnVector in, int i) {
            long seq = added++;
            if (in.isNull(i)) {
                return;
            }
            while (size > 0) {
                int last = (head + size - 1) % rows.length;
                int c = sources[last].compare(rows[last], in, i);
                if (max ? c > 0 : c < 0) {
                    break;
                }
                sources[last] = null;
                size--;
            }
            if (size == rows.length) {
                grow();
            }
            int slot = (head + size) % rows.length;
            sources[slot] = in;
            rows[slot] = i;
            sequence[slot] = seq;
            size++;
        }

        private void grow() {
            int n = rows.length * 2;
            ColumnVector[] s = new ColumnVector[n];
            int[] r = new int[n];
            long[] q = new long[n];
            for (int k = 0; k < size; k++) {
                int from = (head + k) % rows.length;
                s[k] = sources[from];
                r[k] = rows[from];
                q[k] = sequence[from];
            }
            sources = s;
            rows = r;
            sequence = q;
            head = 0;
        }

        @Override
        void remove(ColumnVector in, int i) {
            long seq = removed++;
            if (size > 0 && sequence[head] == seq) {
                sources[head] = null;
                head = (head + 1) % rows.length;
                size--;
            }
        }

        @Override
        void writeTo(ColumnVector out) {
            if (size == 0) {
                out.appendNull();
            } else {
                out.appendFrom(sources[head], rows[head]);
            }
        }
    }

    /** {@code collect_list} / {@code collect_set}: the non-null values as an array. */
    static final class Collect extends WindowAccumulator {
        final boolean set;
        Collection<Object> values;

        Collect(boolean set) {
            this.set = set;
            reset();
        }

        @Override
        boolean orderInsensitive() {
            return false;
        }

        @Override
        void reset() {
            values = set ? new LinkedHashSet<>() : new ArrayList<>();
        }

        @Override
        void add(ColumnVector in, int i) {
            if (!in.isNull(i)) {
                values.add(in.get(i));
            }
        }

        @Override
        void writeTo(ColumnVector out) {
            List<Object> copy = Collections.unmodifiableList(new ArrayList<>(values));
            out.appendObject(copy);
        }
    }

    /** {@code stddev}, {@code stddev_pop}, {@code variance}, {@code var_pop}: Welford's running moments. */
    static final class Moments extends WindowAccumulator {
        final AggFn fn;
        long n;
        double mean;
        double m2;

        Moments(AggFn fn) {
            this.fn = fn;
        }

        @Override
        void reset() {
            n = 0;
            mean = 0;
            m2 = 0;
        }

        @Override
        void add(ColumnVector in, int i) {
            if (in.isNull(i)) {
                return;
            }
            double x = in.getAsDouble(i);
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        @Override
        void writeTo(ColumnVector out) {
            boolean sample = fn == AggFn.STDDEV || fn == AggFn.VARIANCE;
            if (n == 0 || (sample && n == 1)) {
                out.appendNull();
                return;
            }
            double var = m2 / (sample ? n - 1 : n);
            out.appendDouble(fn == AggFn.STDDEV || fn == AggFn.STDDEV_POP ? Math.sqrt(var) : var);
        }
    }
}
