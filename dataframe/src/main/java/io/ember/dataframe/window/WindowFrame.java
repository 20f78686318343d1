package io.ember.dataframe.window;

import io.ember.dataframe.AnalysisException;
import java.io.Serializable;

/**
 * The rows of its partition a window function sees for one row: {@code ROWS} frames count rows,
 * {@code RANGE} frames compare the value of the (single) ordering key, and with bounds of
 * {@code CURRENT ROW} include the row's peers (the rows with the same ordering values).
 *
 * <p>Bounds are signed offsets as in Spark's {@code rowsBetween(start, end)}: negative values
 * precede the current row, positive ones follow it, {@code 0} is the current row,
 * {@link Long#MIN_VALUE} is {@code UNBOUNDED PRECEDING} and {@link Long#MAX_VALUE} is
 * {@code UNBOUNDED FOLLOWING}.
 *
 * @param rows  {@code ROWS} (true) or {@code RANGE} (false)
 * @param start the first row of the frame, relative to the current one
 * @param end   the last row of the frame, relative to the current one
 */
public record WindowFrame(boolean rows, long start, long end) implements Serializable {

    /** {@code UNBOUNDED PRECEDING}. */
    public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
    /** {@code CURRENT ROW}. */
    public static final long CURRENT_ROW = 0;
    /** {@code UNBOUNDED FOLLOWING}. */
    public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;

    /** The whole partition: the default frame of an unordered window. */
    public static final WindowFrame ENTIRE_PARTITION = new WindowFrame(true, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
    /** From the partition's first row to the current row and its peers: the default of an ordered window. */
    public static final WindowFrame RUNNING_RANGE = new WindowFrame(false, UNBOUNDED_PRECEDING, CURRENT_ROW);
    /** From the partition's first row to the current row: the frame ranking functions use. */
    public static final WindowFrame RUNNING_ROWS = new WindowFrame(true, UNBOUNDED_PRECEDING, CURRENT_ROW);

    /**
     * A checked frame.
     *
     * @throws AnalysisException if the start is unbounded following, the end unbounded preceding,
     *     or the start comes after the end
     */
    public WindowFrame {
        if (start == UNBOUNDED_FOLLOWING || end == UNBOUNDED_PRECEDING || start > end) {
            throw new AnalysisException("[INVALID_WINDOW_FRAME] The window frame " + describe(rows, start, end)
                    + " is invalid: its lower bound must not come after its upper bound.");
        }
    }

    /** {@code ROWS BETWEEN start AND end}. */
    public static WindowFrame rows(long start, long end) {
        return new WindowFrame(true, start, end);
    }

    /** {@code RANGE BETWEEN start AND end}. */
    public static WindowFrame range(long start, long end) {
        return new WindowFrame(false, start, end);
    }

    /** Whether the frame starts at the partition's first row. */
    public boolean unboundedStart() {
        return start == UNBOUNDED_PRECEDING;
    }

    /** Whether the frame ends at the partition's last row. */
    public boolean unboundedEnd() {
        return end == UNBOUNDED_FOLLOWING;
    }

    /** Whether a {@code RANGE} frame has a numeric offset, so it needs one numeric ordering key. */
    public boolean hasValueOffsets() {
        return !rows && (isOffset(start) || isOffset(end));
    }

    private static boolean isOffset(long bound) {
        return bound != UNBOUNDED_PRECEDING && bound != UNBOUNDED_FOLLOWING && bound != CURRENT_ROW;
    }

    /** The frame as SQL writes it: {@code ROWS BETWEEN 2 PRECEDING AND CURRENT ROW}. */
    public String sql() {
        return describe(rows, start, end);
    }

    private static String describe(boolean rows, long start, long end) {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + bound(start) + " AND " + bound(end);
    }

    private static String bound(long b) {
        if (b == UNBOUNDED_PRECEDING) {
            return "UNBOUNDED PRECEDING";
        }
        if (b == UNBOUNDED_FOLLOWING) {
            return "UNBOUNDED FOLLOWING";
        }
        if (b == CURRENT_ROW) {
            return "CURRENT ROW";
        }
        return b < 0 ? -b + " PRECEDING" : b + " FOLLOWING";
    }

    @Override
    public String toString() {
        return sql();
    }
}
