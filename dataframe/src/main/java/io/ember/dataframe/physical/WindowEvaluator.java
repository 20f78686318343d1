package io.ember.dataframe.physical;

import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.expressions.AggregateExpression;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.window.OffsetFunction;
import io.ember.dataframe.window.RankingFunction;
import io.ember.dataframe.window.WindowExpression;
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
            return new Rank(r.kind());
        }
        if (w.function() instanceof OffsetFunction o) {
            return new Offset(o.input(), o.defaultValue(), o.rowDelta(), o.dataType());
        }
        AggregateExpression a = (AggregateExpression) w.function();
        boolean ascending = w.orderSpec().isEmpty() || w.orderSpec().get(0).ascending();
        return new FrameAggregateEvaluator(a.fn(), a.child(), a.child().dataType(), a.dataType(), a.ignoreNulls(),
                w.frame(), ascending);
    }

    /** {@code row_number}, {@code rank}, {@code dense_rank}: positions and peer groups. */
    static final class Rank extends WindowEvaluator {
        private static final long serialVersionUID = 1L;
        final RankingFunction.Kind kind;

        Rank(RankingFunction.Kind kind) {
            super(DataTypes.IntegerType);
            this.kind = kind;
        }

        @Override
        ColumnVector evaluate(WindowPartitions parts) {
            int n = parts.numRows();
            int[] out = new int[n];
            for (int g = 0; g < parts.count(); g++) {
                int from = parts.starts[g];
                int dense = 0;
                for (int i = from; i < parts.starts[g + 1]; i++) {
                    if (parts.peerStart[i] == i) {
                        dense++;
                    }
                    out[i] = switch (kind) {
                        case ROW_NUMBER -> i - from + 1;
                        case RANK -> parts.peerStart[i] - from + 1;
                        case DENSE_RANK -> dense;
                    };
                }
            }
            return ColumnVector.ofInts(type, out, null, n);
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
