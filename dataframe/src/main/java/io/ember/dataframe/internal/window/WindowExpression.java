package io.ember.dataframe.internal.window;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.expressions.TimeZoneAware;
import io.ember.dataframe.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code function OVER (PARTITION BY ... ORDER BY ... frame)}: a value computed for every row from
 * the rows of its partition that its frame covers. {@code function} is an aggregate
 * ({@code sum}, {@code avg}, {@code min}, {@code max}, {@code count}, ...), a
 * {@link RankingFunction}, an {@link OffsetFunction} or {@link NthValueFunction}. Built by
 * {@link #of}, which checks the combination and fills in the frame SQL implies when none is
 * written; the analyzer then resolves the children like any other expression (and gives frames
 * with interval offsets the session time zone), and {@link Windows} moves the expression into a
 * {@link WindowPlan}, the only place it can be computed.
 *
 * @param function     what to compute
 * @param partitionSpec the partitioning expressions (empty: one partition)
 * @param orderSpec    the order within a partition
 * @param frame        the rows each row sees
 */
public record WindowExpression(Expression function, List<Expression> partitionSpec, List<SortOrder> orderSpec,
                               WindowFrame frame) implements TimeZoneAware {

    /**
     * A checked window expression. Without a written frame ({@code frame} null) an aggregate sees
     * {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW} in an ordered window and the whole
     * partition otherwise, as in Spark; ranking and offset functions have fixed frames.
     *
     * @throws AnalysisException if {@code function} cannot be computed over a window, is a
     *     DISTINCT aggregate, needs an order that is missing, or does not allow a written frame
     */
    public static WindowExpression of(Expression function, List<Expression> partitionSpec, List<SortOrder> orderSpec,
                                      WindowFrame frame) {
        WindowFrame required = null;
        String name = function.sql();
        if (function instanceof AggregateExpression agg) {
            if (agg.distinct()) {
                throw new AnalysisException("[DISTINCT_WINDOW_FUNCTION_UNSUPPORTED] Distinct window functions are not "
                        + "supported: " + name + ".");
            }
        } else if (function instanceof RankingFunction r) {
            required = r.kind() == RankingFunction.Kind.CUME_DIST ? WindowFrame.RUNNING_RANGE
                    : WindowFrame.RUNNING_ROWS;
        } else if (function instanceof OffsetFunction o) {
            required = WindowFrame.rows(o.rowDelta(), o.rowDelta());
        } else if (!(function instanceof NthValueFunction)) {
            throw new AnalysisException("[UNSUPPORTED_EXPR_FOR_WINDOW] Expression \"" + name + "\" not supported "
                    + "within a window function: only aggregates, row_number, rank, dense_rank, percent_rank, "
                    + "cume_dist, ntile, lag, lead and nth_value are.");
        }
        if (required != null && orderSpec.isEmpty()) {
            throw new AnalysisException("[WINDOW_FUNCTION_WITHOUT_ORDER] Window function " + name + " requires the "
                    + "window to be ordered: add an ORDER BY clause, e.g. OVER (PARTITION BY p ORDER BY o).");
        }
        if (required != null && frame != null && !frame.equals(required)) {
            throw new AnalysisException("[WINDOW_FRAME_NOT_ALLOWED] Cannot specify the window frame " + frame.sql()
                    + " for " + name + ": its frame is always " + required.sql() + ".");
        }
        WindowFrame effective = required != null ? required : frame != null ? frame
                : orderSpec.isEmpty() ? WindowFrame.ENTIRE_PARTITION : WindowFrame.RUNNING_RANGE;
        if (effective.hasValueOffsets() && orderSpec.isEmpty()) {
            throw new AnalysisException("[DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER] Cannot resolve \"" + name
                    + " OVER (" + effective.sql() + ")\" due to data type mismatch: A range window frame cannot be "
                    + "used in an unordered window specification.");
        }
        if (effective.hasValueOffsets() && orderSpec.size() > 1) {
            throw new AnalysisException("[DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER] Cannot resolve \"" + name
                    + " OVER (" + effective.sql() + ")\" due to data type mismatch: A range window frame with value "
                    + "boundaries cannot be used in a window specification with multiple order by expressions: "
                    + orderSpec.size() + " given.");
        }
        return new WindowExpression(function, List.copyOf(partitionSpec), List.copyOf(orderSpec), effective);
    }

    /** Whether {@code other} partitions and orders rows the same way (so one operator computes both). */
    public boolean sameWindow(WindowExpression other) {
        return partitionSpec.equals(other.partitionSpec) && orderSpec.equals(other.orderSpec);
    }

    @Override
    public Expression withZone(String zoneId) {
        return new WindowExpression(function, partitionSpec, orderSpec, frame.withZone(zoneId));
    }

    @Override
    public boolean needsZone() {
        return frame.hasIntervalOffsets() && frame.zone() == null;
    }

    @Override
    public List<Expression> children() {
        List<Expression> out = new ArrayList<>(1 + partitionSpec.size() + orderSpec.size());
        out.add(function);
        out.addAll(partitionSpec);
        out.addAll(orderSpec);
        return out;
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        int p = partitionSpec.size();
        List<SortOrder> order = new ArrayList<>();
        for (Expression e : c.subList(1 + p, c.size())) {
            order.add((SortOrder) e);
        }
        return new WindowExpression(c.get(0), List.copyOf(c.subList(1, 1 + p)), order, frame);
    }

    @Override
    public DataType dataType() {
        return function.dataType();
    }

    @Override
    public boolean nullable() {
        return function.nullable();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("window expression " + explain() + " can only be computed by a window operator");
    }

    @Override
    public String render(List<String> c) {
        int p = partitionSpec.size();
        StringBuilder sb = new StringBuilder(c.get(0)).append(" OVER (");
        if (p > 0) {
            sb.append("PARTITION BY ").append(String.join(", ", c.subList(1, 1 + p))).append(' ');
        }
        if (!orderSpec.isEmpty()) {
            sb.append("ORDER BY ").append(String.join(", ", c.subList(1 + p, c.size()))).append(' ');
        }
        return sb.append(frame.sql()).append(')').toString();
    }

    @Override
    public String toString() {
        return explain();
    }
}
