package io.ember.dataframe;

import io.ember.dataframe.internal.window.WindowFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a {@link WindowSpec}, as Spark's {@code Window}:
 * {@code Window.partitionBy("a").orderBy("b").rowsBetween(Window.unboundedPreceding(), Window.currentRow())}.
 * A window function is then {@code row_number().over(spec)} or {@code sum("x").over(spec)}.
 */
public final class Window {
    private static final WindowSpec EMPTY = new WindowSpec(List.of(), List.of(), null);

    private Window() {
    }

    /** A window partitioned by {@code cols}. */
    public static WindowSpec partitionBy(Column... cols) {
        return EMPTY.partitionBy(cols);
    }

    /** A window partitioned by the columns named. */
    public static WindowSpec partitionBy(String col, String... cols) {
        return EMPTY.partitionBy(col, cols);
    }

    /** A window over one partition, ordered by {@code cols}. */
    public static WindowSpec orderBy(Column... cols) {
        return EMPTY.orderBy(cols);
    }

    /** A window over one partition, ordered by the columns named. */
    public static WindowSpec orderBy(String col, String... cols) {
        return EMPTY.orderBy(col, cols);
    }

    /** A window over one partition with a frame of rows (see {@link WindowSpec#rowsBetween}). */
    public static WindowSpec rowsBetween(long start, long end) {
        return EMPTY.rowsBetween(start, end);
    }

    /** A window over one partition with a frame of values (see {@link WindowSpec#rangeBetween}). */
    public static WindowSpec rangeBetween(long start, long end) {
        return EMPTY.rangeBetween(start, end);
    }

    /** The frame bound {@code UNBOUNDED PRECEDING}: the partition's first row. */
    public static long unboundedPreceding() {
        return WindowFrame.UNBOUNDED_PRECEDING;
    }

    /** The frame bound {@code UNBOUNDED FOLLOWING}: the partition's last row. */
    public static long unboundedFollowing() {
        return WindowFrame.UNBOUNDED_FOLLOWING;
    }

    /** The frame bound {@code CURRENT ROW}. */
    public static long currentRow() {
        return WindowFrame.CURRENT_ROW;
    }

    static Column[] columns(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(Functions.col(col));
        for (String c : cols) {
            all.add(Functions.col(c));
        }
        return all.toArray(new Column[0]);
    }

    /** The spec with nothing set: {@code col.over()}. */
    static WindowSpec empty() {
        return EMPTY;
    }
}
