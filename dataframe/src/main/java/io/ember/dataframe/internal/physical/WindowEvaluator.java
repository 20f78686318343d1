package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.internal.window.NthValueFunction;
import io.ember.dataframe.internal.window.OffsetFunction;
import io.ember.dataframe.internal.window.RankingFunction;
import io.ember.dataframe.internal.window.WindowExpression;
import java.io.Serializable;

/**
 * Computes one window function over the sorted rows of a window operator's input, a column at a
 * time. Built on the driver from a bound {@link WindowExpression} and shipped to the executors,
 * so it holds only bound expressions and plain values; per-run state lives inside
 * {@link #evaluate}.
 */
abstract class WindowEvaluator implements Serializable {
    private static final long serialVersionUID = 1L;

    final DataType type;

    WindowEvaluator(DataType type) {
        this.type = type;
    }

    /** The function's value for every row of {@code parts}, in row order. */
    abstract ColumnVector evaluate(WindowPartitions parts);

    /** The evaluator of {@code w}, whose expressions are bound to the operator's input. */
    static WindowEvaluator create(WindowExpression w) {
        if (w.function() instanceof RankingFunction r) {
            return new Rank(r);
        }
        if (w.function() instanceof OffsetFunction o) {
            return new Offset(o.input(), o.defaultValue(), o.rowDelta(), o.dataType());
        }
        boolean ascending = w.orderSpec().isEmpty() || w.orderSpec().get(0).ascending();
        FrameBounds bounds = new FrameBounds(w.frame(), ascending);
        if (w.function() instanceof NthValueFunction v) {
            return new FrameValueEvaluator(v.input(), v.n(), false, v.ignoreNulls(), bounds);
        }
        AggregateExpression a = (AggregateExpression) w.function();
        if (a.fn() == AggFn.FIRST || a.fn() == AggFn.LAST) {
            return new FrameValueEvaluator(a.child(), 1, a.fn() == AggFn.LAST, a.ignoreNulls(), bounds);
        }
        return new FrameAggregateEvaluator(a.fn(), a.child(), a.child().dataType(), a.dataType(), bounds);
    }

    /**
     * {@code row_number}, {@code rank}, {@code dense_rank}, {@code percent_rank},
     * {@code cume_dist}, {@code ntile}: positions, peer groups and the partition's size.
     */
    static final class Rank extends WindowEvaluator {
        private static final long serialVersionUID = 1L;
        final RankingFunction.Kind kind;
        final int buckets;

        Rank(RankingFunction function) {
            super(function.dataType());
            this.kind = function.kind();
            this.buckets = function.buckets();
        }

        @Override
        ColumnVector evaluate(WindowPartitions parts) {
            int n = parts.numRows();
            boolean fraction = kind == RankingFunction.Kind.PERCENT_RANK || kind == RankingFunction.Kind.CUME_DIST;
            int[] ints = fraction ? null : new int[n];
            double[] doubles = fraction ? new double[n] : null;
            for (int g = 0; g < parts.count(); g++) {
                int from = parts.starts[g];
                int size = parts.starts[g + 1] - from;
                int dense = 0;
                for (int i = from; i < parts.starts[g + 1]; i++) {
                    if (parts.peerStart[i] == i) {
                        dense++;
                    }
                    switch (kind) {
                        case ROW_NUMBER -> ints[i] = i - from + 1;
                        case RANK -> ints[i] = parts.peerStart[i] - from + 1;
                        case DENSE_RANK -> ints[i] = dense;
                        case NTILE -> ints[i] = ntile(i - from, size);
                        case PERCENT_RANK -> doubles[i] = size == 1 ? 0.0
                                : (double) (parts.peerStart[i] - from) / (size - 1);
                        case CUME_DIST -> doubles[i] = (double) (parts.peerEnd[i] - from) / size;
                    }
                }
            }
            return fraction ? ColumnVector.ofDoubles(type, doubles, null, n) : ColumnVector.ofInts(type, ints, null, n);
        }

        /**
         * The group of the row at {@code position} (from 0) of a partition of {@code size} rows:
         * as in Spark, each group holds {@code size / buckets} rows and the first
         * {@code size % buckets} groups one more.
         */
        int ntile(int position, int size) {
            int perGroup = size / buckets;
            int larger = size % buckets;
            int inLarger = larger * (perGroup + 1);
            return position < inLarger ? position / (perGroup + 1) + 1 : larger + (position - inLarger) / perGroup + 1;
        }
    }

    /** {@code lag} / {@code lead}: the input of the row {@code delta} away, or the default. */
    static final class Offset extends WindowEvaluator {
        private static final long serialVersionUID = 1L;
        final Expression input;
        final Expression defaultValue;
        final int delta;

        Offset(Expression input, Expression defaultValue, int delta, DataType type) {
            super(type);
            this.input = input;
            this.defaultValue = defaultValue;
            this.delta = delta;
        }

        @Override
        ColumnVector evaluate(WindowPartitions parts) {
            int n = parts.numRows();
            ColumnVector values = input.eval(parts.rows);
            ColumnVector defaults = defaultValue.eval(parts.rows);
            ColumnVector out = ColumnVector.allocate(type, n);
            for (int g = 0; g < parts.count(); g++) {
                int from = parts.starts[g];
                int to = parts.starts[g + 1];
                for (int i = from; i < to; i++) {
                    long j = (long) i + delta;
                    if (j >= from && j < to) {
                        out.appendFrom(values, (int) j);
                    } else {
                        out.appendFrom(defaults, i);
                    }
                }
            }
            return out;
        }
    }
}
