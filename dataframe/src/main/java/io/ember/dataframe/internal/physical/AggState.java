package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Int128;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The running state of one aggregate function for every group of a partition, in primitive
 * arrays indexed by group id. {@code update} folds raw input in; {@code buffers} is the partial
 * result shipped through the shuffle; {@code merge} folds partial results in; {@code result} is
 * the final value per group.
 */
abstract class AggState {

    abstract List<DataType> bufferTypes();

    abstract void update(int[] groups, ColumnVector input, int n, int numGroups);

    abstract void merge(int[] groups, ColumnVector[] buffers, int offset, int n, int numGroups);

    abstract ColumnVector[] buffers(int numGroups);

    abstract ColumnVector result(int numGroups);

    /**
     * A generous estimate of the bytes this state holds per group in its arrays (room for their
     * doubling included), for the memory a hash aggregation asks before it grows.
     */
    long bytesPerGroup() {
        return 64L * bufferTypes().size();
    }

    /** Bytes held beyond the per-group arrays (the values collected by collect_* and DISTINCT). */
    long extraBytes() {
        return 0;
    }

    /** The state for {@code fn} over input of {@code inputType} with result {@code resultType}. */
    static AggState create(AggFn fn, DataType inputType, DataType resultType, boolean distinct, boolean ignoreNulls) {
        if (distinct) {
            return new DistinctState(create(fn, inputType, resultType, false, ignoreNulls), inputType);
        }
        return switch (fn) {
            case COUNT -> new CountState();
            case SUM -> new SumState(resultType);
            case AVG -> new AvgState(inputType, resultType);
            case MIN -> new MinMaxState(inputType, false);
            case MAX -> new MinMaxState(inputType, true);
            case FIRST -> new FirstLastState(inputType, false, ignoreNulls);
            case LAST -> new FirstLastState(inputType, true, ignoreNulls);
            case COLLECT_LIST -> new CollectState(inputType, false);
            case COLLECT_SET -> new CollectState(inputType, true);
            default -> new MomentState(fn);
        };
    }

    static int grow(int have, int need) {
        return Math.max(need, Math.max(16, have * 2));
    }

    static boolean[] nullsWhereNot(boolean[] seen, int n) {
        boolean[] nulls = null;
        for (int g = 0; g < n; g++) {
            if (!seen[g]) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[g] = true;
            }
        }
        return nulls;
    }

    // ---- count --------------------------------------------------------------------------------

    static final class CountState extends AggState {
        long[] counts = new long[16];

        private void ensure(int n) {
            if (counts.length < n) {
                counts = Arrays.copyOf(counts, grow(counts.length, n));
            }
        }

        @Override
        List<DataType> bufferTypes() {
            return List.of(DataTypes.LongType);
        }

        @Override
        void update(int[] groups, ColumnVector input, int n, int numGroups) {
            ensure(numGroups);
            if (!input.mayHaveNulls()) {
                for (int i = 0; i < n; i++) {
                    counts[groups[i]]++;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (!input.isNull(i)) {
                        counts[groups[i]]++;
                    }
                }
            }
        }

        @Override
        void merge(int[] groups, ColumnVector[] buffers, int offset, int n, int numGroups) {
            ensure(numGroups);
            long[] in = buffers[offset].longs;
            for (int i = 0; i < n; i++) {
                counts[groups[i]] += in[i];
            }
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            return new ColumnVector[] {result(numGroups)};
        }

        @Override
        ColumnVector result(int numGroups) {
            ensure(numGroups);
            return ColumnVector.ofLongs(DataTypes.LongType, Arrays.copyOf(counts, numGroups), null, numGroups);
        }
    }

    // ---- sum ----------------------------------------------------------------------------------

    static final class SumState extends AggState {
        final DataType type;
        /** Whole-number sums, and the low words of decimal sums. */
        long[] longs = new long[16];
        /** The high words of decimal sums: a decimal sum is an unscaled 128-bit value ({@link Int128}). */
        long[] highs = new long[16];
        double[] doubles = new double[16];
        /** A group's decimal sum once it outgrew 128 bits; null while the words hold it. */
        BigDecimal[] decimals = new BigDecimal[16];
        int decimalScale;
        boolean[] seen = new boolean[16];

        SumState(DataType type) {
            this.type = type;
        }

        private void ensure(int n) {
            if (seen.length < n) {
                int cap = grow(seen.length, n);
                longs = Arrays.copyOf(longs, cap);
                highs = Arrays.copyOf(highs, cap);
                doubles = Arrays.copyOf(doubles, cap);
                decimals = Arrays.copyOf(decimals, cap);
                seen = Arrays.copyOf(seen, cap);
            }
        }

        @Override
        List<DataType> bufferTypes() {
            return List.of(type);
        }

        // Deliberate specialisation: one loop per input layout, so that the hot loop reads a
        // primitive array with no per-row dispatch.
        @Override
        void update(int[] groups, ColumnVector in, int n, int numGroups) {
            ensure(numGroups);
            boolean[] nulls = in.nulls;
            switch (in.kind) {
                case ColumnVector.INT -> {
                    int[] v = in.ints;
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            seen[groups[i]] = true;
                            longs[groups[i]] += v[i];
                        }
                    }
                }
                case ColumnVector.LONG -> {
                    long[] v = in.longs;
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            seen[groups[i]] = true;
                            longs[groups[i]] += v[i];
                        }
                    }
                }
                case ColumnVector.DOUBLE -> {
                    double[] v = in.doubles;
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            seen[groups[i]] = true;
                            doubles[groups[i]] += v[i];
                        }
                    }
                }
                case ColumnVector.DECIMAL -> {
                    long[] v = in.longs;
                    int scale = in.scale();
                    decimalScale = scale;
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            seen[groups[i]] = true;
                            addUnscaled(groups[i], Int128.highOf(v[i]), v[i], scale);
                        }
                    }
                }
                case ColumnVector.WIDE_DECIMAL -> {
                    long[] hi = in.highs;
                    long[] lo = in.longs;
                    int scale = in.scale();
                    decimalScale = scale;
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            seen[groups[i]] = true;
                            addUnscaled(groups[i], hi[i], lo[i], scale);
                        }
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            seen[groups[i]] = true;
                            addDecimal(groups[i], in.getDecimal(i));
                        }
                    }
                }
            }
        }

        /**
         * A decimal sum stays an unscaled 128-bit value (at the input's scale, which the sum type
         * keeps) until it would overflow one, then continues as a BigDecimal, exact as before: the
         * sum's type decides at the end whether it is null, whatever the running sum passed by.
         */
        private void addUnscaled(int g, long hi, long lo, int scale) {
            if (decimals[g] == null) {
                long sumHi = highs[g];
                long sumLo = longs[g];
                if (Int128.add(sumHi, sumLo, hi, lo, highs, longs, g)) {
                    return;
                }
                decimals[g] = Int128.toBigDecimal(sumHi, sumLo, scale);
            }
            decimals[g] = decimals[g].add(Int128.toBigDecimal(hi, lo, scale));
        }

        private void addDecimal(int g, BigDecimal v) {
            decimalScale = v.scale();
            BigDecimal sum = decimals[g] != null ? decimals[g] : Int128.toBigDecimal(highs[g], longs[g], v.scale());
            decimals[g] = sum.add(v);
        }

        @Override
        void merge(int[] groups, ColumnVector[] buffers, int offset, int n, int numGroups) {
            update(groups, buffers[offset], n, numGroups);
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            return new ColumnVector[] {result(numGroups)};
        }

        @Override
        ColumnVector result(int numGroups) {
            ensure(numGroups);
            boolean[] nulls = nullsWhereNot(seen, numGroups);
            if (type instanceof DecimalType d) {
                ColumnVector out = ColumnVector.allocate(type, numGroups);
                for (int g = 0; g < numGroups; g++) {
                    if (!seen[g]) {
                        out.appendNull();
                    } else if (decimals[g] == null && decimalScale == d.scale()) {
                        appendFitting(out, highs[g], longs[g], d.precision());
                    } else {
                        BigDecimal sum = decimals[g] != null ? decimals[g]
                                : Int128.toBigDecimal(highs[g], longs[g], decimalScale);
                        out.appendObject(Values.toDecimal(sum, d));
                    }
                }
                return out;
            }
            if (type instanceof DoubleType) {
                return ColumnVector.ofDoubles(type, Arrays.copyOf(doubles, numGroups), nulls, numGroups);
            }
            return ColumnVector.ofLongs(type, Arrays.copyOf(longs, numGroups), nulls, numGroups);
        }
    }

    /**
     * Appends an unscaled value at {@code out}'s scale, or null if it has more digits than
     * {@code precision} (as {@link Values#toDecimal} gives null).
     */
    static void appendFitting(ColumnVector out, long hi, long lo, int precision) {
        if (!Int128.fits(hi, lo, precision)) {
            out.appendNull();
        } else if (out.kind == ColumnVector.WIDE_DECIMAL) {
            out.appendUnscaledDecimal(hi, lo);
        } else {
            // Fitting a compact precision makes it a long.
            out.appendUnscaledDecimal(lo);
        }
    }

    // ---- avg ----------------------------------------------------------------------------------

    static final class AvgState extends AggState {
        final DataType resultType;
        final DataType sumType;
        final SumState sum;
        final CountState count = new CountState();

        AvgState(DataType inputType, DataType resultType) {
            this.resultType = resultType;
            this.sumType = inputType instanceof DecimalType d
                    ? io.ember.dataframe.internal.expressions.BinaryArithmetic.bounded(d.precision() + 10, d.scale())
                    : DataTypes.DoubleType;
            this.sum = new SumState(sumType);
        }

        @Override
        List<DataType> bufferTypes() {
            return List.of(sumType, DataTypes.LongType);
        }

        @Override
        void update(int[] groups, ColumnVector in, int n, int numGroups) {
            if (sumType instanceof DoubleType && in.kind != ColumnVector.DOUBLE && in.kind != ColumnVector.OBJECT) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = in.isNull(i) ? 0 : in.getAsDouble(i);
                }
                in = ColumnVector.ofDoubles(DataTypes.DoubleType, d, in.nulls, n);
            }
            sum.update(groups, in, n, numGroups);
            count.update(groups, in, n, numGroups);
        }

        @Override
        void merge(int[] groups, ColumnVector[] buffers, int offset, int n, int numGroups) {
            sum.merge(groups, buffers, offset, n, numGroups);
            count.merge(groups, buffers, offset + 1, n, numGroups);
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            return new ColumnVector[] {sum.result(numGroups), count.result(numGroups)};
        }

        @Override
        ColumnVector result(int numGroups) {
            ColumnVector s = sum.result(numGroups);
            ColumnVector c = count.result(numGroups);
            ColumnVector out = ColumnVector.allocate(resultType, numGroups);
            for (int g = 0; g < numGroups; g++) {
                long k = c.longs[g];
                if (k == 0 || s.isNull(g)) {
                    out.appendNull();
                } else if (resultType instanceof DecimalType d) {
                    BigDecimal v = s.getDecimal(g).divide(BigDecimal.valueOf(k), d.scale(), RoundingMode.HALF_UP);
                    out.appendObject(Values.toDecimal(v, d));
                } else {
                    out.appendDouble(s.doubles[g] / k);
                }
            }
            return out;
        }
    }

    // ---- min / max ----------------------------------------------------------------------------

    // Deliberate specialisation: each aggregate keeps its own per-group buffers and update loop (the
    // loop skeletons repeat across states) so that the inner loop has no per-row dispatch.
    static final class MinMaxState extends AggState {
        final DataType type;
        final boolean max;
        ColumnVector values;
        boolean[] seen = new boolean[16];

        MinMaxState(DataType type, boolean max) {
            this.type = type;
            this.max = max;
            this.values = ColumnVector.allocate(type, 16);
        }

        private void ensure(int n) {
            while (values.size < n) {
                values.appendNull();
            }
            if (seen.length < n) {
                seen = Arrays.copyOf(seen, grow(seen.length, n));
            }
        }

        @Override
        List<DataType> bufferTypes() {
            return List.of(type);
        }

        @Override
        void update(int[] groups, ColumnVector in, int n, int numGroups) {
            ensure(numGroups);
            for (int i = 0; i < n; i++) {
                if (in.isNull(i)) {
                    continue;
                }
                int g = groups[i];
                if (!seen[g]) {
                    seen[g] = true;
                    set(g, in, i);
                } else {
                    int c = in.compare(i, values, g);
                    if (max ? c > 0 : c < 0) {
                        set(g, in, i);
                    }
                }
            }
        }

        private void set(int g, ColumnVector in, int i) {
            values.setFrom(g, in, i);
        }

        @Override
        void merge(int[] groups, ColumnVector[] buffers, int offset, int n, int numGroups) {
            update(groups, buffers[offset], n, numGroups);
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            return new ColumnVector[] {result(numGroups)};
        }

        @Override
        ColumnVector result(int numGroups) {
            ensure(numGroups);
            ColumnVector out = values.slice(0, numGroups);
            boolean[] nulls = nullsWhereNot(seen, numGroups);
            out.nulls = nulls;
            return out;
        }
    }

    // ---- first / last -------------------------------------------------------------------------

    static final class FirstLastState extends AggState {
        final DataType type;
        final boolean last;
        final boolean ignoreNulls;
        Object[] values = new Object[16];
        boolean[] set = new boolean[16];

        FirstLastState(DataType type, boolean last, boolean ignoreNulls) {
            this.type = type;
            this.last = last;
            this.ignoreNulls = ignoreNulls;
        }

        private void ensure(int n) {
            if (set.length < n) {
                int cap = grow(set.length, n);
                values = Arrays.copyOf(values, cap);
                set = Arrays.copyOf(set, cap);
            }
        }

        @Override
        List<DataType> bufferTypes() {
            return List.of(type, DataTypes.BooleanType);
        }

        @Override
        void update(int[] groups, ColumnVector in, int n, int numGroups) {
            ensure(numGroups);
            for (int i = 0; i < n; i++) {
                int g = groups[i];
                if ((ignoreNulls && in.isNull(i)) || (!last && set[g])) {
                    continue;
                }
                values[g] = in.get(i);
                set[g] = true;
            }
        }

        @Override
        void merge(int[] groups, ColumnVector[] buffers, int offset, int n, int numGroups) {
            ensure(numGroups);
            ColumnVector v = buffers[offset];
            ColumnVector s = buffers[offset + 1];
            for (int i = 0; i < n; i++) {
                int g = groups[i];
                if (!s.booleans[i] || (!last && set[g])) {
                    continue;
                }
                values[g] = v.get(i);
                set[g] = true;
            }
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            ensure(numGroups);
            return new ColumnVector[] {result(numGroups),
                    ColumnVector.ofBooleans(DataTypes.BooleanType, Arrays.copyOf(set, numGroups), null, numGroups)};
        }

        @Override
        ColumnVector result(int numGroups) {
            ensure(numGroups);
            ColumnVector out = ColumnVector.allocate(type, numGroups);
            for (int g = 0; g < numGroups; g++) {
                out.append(values[g]);
            }
            return out;
        }
    }

    // ---- collect_list / collect_set -----------------------------------------------------------

    static final class CollectState extends AggState {
        final DataType type;
        final boolean set;
        List<Collection<Object>> groups = new ArrayList<>();
        long elements;

        CollectState(DataType type, boolean set) {
            this.type = type;
            this.set = set;
        }

        private Collection<Object> group(int g) {
            while (groups.size() <= g) {
                groups.add(set ? new LinkedHashSet<>() : new ArrayList<>());
            }
            return groups.get(g);
        }

        @Override
        List<DataType> bufferTypes() {
            return List.of(new ArrayType(type, false));
        }

        @Override
        long extraBytes() {
            return 64L * groups.size() + 48L * elements;
        }

        @Override
        void update(int[] gs, ColumnVector in, int n, int numGroups) {
            for (int i = 0; i < n; i++) {
                if (!in.isNull(i)) {
                    if (group(gs[i]).add(in.get(i))) {
                        elements++;
                    }
                }
            }
        }

        @Override
        void merge(int[] gs, ColumnVector[] buffers, int offset, int n, int numGroups) {
            ColumnVector v = buffers[offset];
            for (int i = 0; i < n; i++) {
                Collection<Object> g = group(gs[i]);
                int before = g.size();
                g.addAll((List<?>) v.objects[i]);
                elements += g.size() - before;
            }
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            return new ColumnVector[] {result(numGroups)};
        }

        @Override
        ColumnVector result(int numGroups) {
            Object[] out = new Object[numGroups];
            for (int g = 0; g < numGroups; g++) {
                out[g] = Collections.unmodifiableList(new ArrayList<>(group(g)));
            }
            return ColumnVector.ofObjects(new ArrayType(type, false), out, numGroups);
        }
    }

    // ---- stddev / variance --------------------------------------------------------------------

    static final class MomentState extends AggState {
        final AggFn fn;
        long[] n = new long[16];
        double[] mean = new double[16];
        double[] m2 = new double[16];

        MomentState(AggFn fn) {
            this.fn = fn;
        }

        private void ensure(int k) {
            if (n.length < k) {
                int cap = grow(n.length, k);
                n = Arrays.copyOf(n, cap);
                mean = Arrays.copyOf(mean, cap);
                m2 = Arrays.copyOf(m2, cap);
            }
        }

        @Override
        List<DataType> bufferTypes() {
            return List.of(DataTypes.LongType, DataTypes.DoubleType, DataTypes.DoubleType);
        }

        @Override
        void update(int[] groups, ColumnVector in, int rows, int numGroups) {
            ensure(numGroups);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    continue;
                }
                int g = groups[i];
                double x = in.getAsDouble(i);
                // Spark's CentralMomentAgg arithmetic, step for step, so that results agree to the last digit.
                n[g]++;
                double delta = x - mean[g];
                double deltaN = delta / n[g];
                mean[g] += deltaN;
                m2[g] += delta * (delta - deltaN);
            }
        }

        @Override
        void merge(int[] groups, ColumnVector[] buffers, int offset, int rows, int numGroups) {
            ensure(numGroups);
            long[] bn = buffers[offset].longs;
            double[] bmean = buffers[offset + 1].doubles;
            double[] bm2 = buffers[offset + 2].doubles;
            for (int i = 0; i < rows; i++) {
                int g = groups[i];
                if (bn[i] == 0) {
                    continue;
                }
                long total = n[g] + bn[i];
                double delta = bmean[i] - mean[g];
                double deltaN = delta / total;
                mean[g] += deltaN * bn[i];
                m2[g] += bm2[i] + delta * deltaN * n[g] * bn[i];
                n[g] = total;
            }
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            ensure(numGroups);
            return new ColumnVector[] {
                    ColumnVector.ofLongs(DataTypes.LongType, Arrays.copyOf(n, numGroups), null, numGroups),
                    ColumnVector.ofDoubles(DataTypes.DoubleType, Arrays.copyOf(mean, numGroups), null, numGroups),
                    ColumnVector.ofDoubles(DataTypes.DoubleType, Arrays.copyOf(m2, numGroups), null, numGroups)};
        }

        @Override
        ColumnVector result(int numGroups) {
            ensure(numGroups);
            ColumnVector out = ColumnVector.allocate(DataTypes.DoubleType, numGroups);
            for (int g = 0; g < numGroups; g++) {
                long k = n[g];
                boolean sample = fn == AggFn.STDDEV || fn == AggFn.VARIANCE;
                if (k == 0 || (sample && k == 1)) {
                    out.appendNull();
                    continue;
                }
                double var = m2[g] / (sample ? k - 1 : k);
                out.appendDouble(fn == AggFn.STDDEV || fn == AggFn.STDDEV_POP ? Math.sqrt(var) : var);
            }
            return out;
        }
    }

    // ---- DISTINCT -----------------------------------------------------------------------------

    static final class DistinctState extends AggState {
        final AggState inner;
        final CollectState values;
        final DataType inputType;

        DistinctState(AggState inner, DataType inputType) {
            this.inner = inner;
            this.inputType = inputType;
            this.values = new CollectState(inputType, true);
        }

        @Override
        List<DataType> bufferTypes() {
            return values.bufferTypes();
        }

        @Override
        long extraBytes() {
            return values.extraBytes();
        }

        @Override
        void update(int[] groups, ColumnVector in, int n, int numGroups) {
            values.update(groups, in, n, numGroups);
        }

        @Override
        void merge(int[] groups, ColumnVector[] buffers, int offset, int n, int numGroups) {
            values.merge(groups, buffers, offset, n, numGroups);
        }

        @Override
        ColumnVector[] buffers(int numGroups) {
            return values.buffers(numGroups);
        }

        @Override
        ColumnVector result(int numGroups) {
            ColumnVector all = ColumnVector.allocate(inputType, 16);
            int[] gids = new int[16];
            int k = 0;
            for (int g = 0; g < numGroups; g++) {
                for (Object v : values.group(g)) {
                    if (k == gids.length) {
                        gids = Arrays.copyOf(gids, k * 2);
                    }
                    gids[k++] = g;
                    all.append(v);
                }
            }
            inner.update(gids, all, k, numGroups);
            return inner.result(numGroups);
        }
    }
}
