package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.window.WindowFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a window function sees the rows around each row: partitioning, ordering within a
 * partition, and a frame. Built with {@link Window} and applied with {@link Column#over}:
 *
 * <pre>{@code
 * WindowSpec w = Window.partitionBy("borough").orderBy(col("revenue").desc());
 * df.withColumn("rank", rank().over(w))
 *   .withColumn("running", sum("revenue").over(w.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
 * }</pre>
 *
 * <p>Immutable: every method returns a new spec. Without a frame, an aggregate sees the rows from
 * the start of its partition to the current row and its peers when the window is ordered, and the
 * whole partition otherwise (as in Spark).
 */
public final class WindowSpec {
    private final List<Expression> partitionSpec;
    private final List<SortOrder> orderSpec;
    private final WindowFrame frame;

    WindowSpec(List<Expression> partitionSpec, List<SortOrder> orderSpec, WindowFrame frame) {
        this.partitionSpec = List.copyOf(partitionSpec);
        this.orderSpec = List.copyOf(orderSpec);
        this.frame = frame;
    }

    /** This spec partitioned by {@code cols} instead. */
    public WindowSpec partitionBy(Column... cols) {
        List<Expression> es = new ArrayList<>();
        for (Column c : cols) {
            es.add(Objects.requireNonNull(c, "column is null").expr());
        }
        return new WindowSpec(es, orderSpec, frame);
    }

    /** This spec partitioned by the columns named instead. */
    public WindowSpec partitionBy(String col, String... cols) {
        return partitionBy(Window.columns(col, cols));
    }

    /** This spec ordered by {@code cols} instead ({@code col("x").desc()} etc.; plain columns ascending, nulls first). */
    public WindowSpec orderBy(Column... cols) {
        List<SortOrder> order = new ArrayList<>();
        for (Column c : cols) {
            Expression e = Objects.requireNonNull(c, "column is null").expr();
            order.add(e instanceof SortOrder s ? s : SortOrder.asc(e));
        }
        return new WindowSpec(partitionSpec, order, frame);
    }

    /** This spec ordered by the columns named (ascending) instead. */
    public WindowSpec orderBy(String col, String... cols) {
        return orderBy(Window.columns(col, cols));
    }

    /**
     * This spec with a frame of rows, relative to the current row: {@code rowsBetween(-2, 0)} is
     * the two rows before and the current one; use {@link Window#unboundedPreceding()},
     * {@link Window#currentRow()} and {@link Window#unboundedFollowing()} for the special bounds.
     *
     * @throws AnalysisException if {@code start} comes after {@code end}
     */
    public WindowSpec rowsBetween(long start, long end) {
        return new WindowSpec(partitionSpec, orderSpec, WindowFrame.rows(start, end));
    }

    /**
     * This spec with a frame of ordering values, relative to the current row's: with one numeric
     * (or date) ordering column, {@code rangeBetween(-10, 0)} is the rows whose value is at most 10
     * below the current one; {@link Window#currentRow()} means the current row and its peers.
     *
     * @throws AnalysisException if {@code start} comes after {@code end}
     */
    public WindowSpec rangeBetween(long start, long end) {
        return new WindowSpec(partitionSpec, orderSpec, WindowFrame.range(start, end));
    }

    List<Expression> partitionSpec() {
        return partitionSpec;
    }

    List<SortOrder> orderSpec() {
        return orderSpec;
    }

    /** The frame written, or null for the default one. */
    WindowFrame frame() {
        return frame;
    }
}
