package io.ember.dataframe.internal.window;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.CalendarInterval;
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
 * <p>A {@code RANGE} bound may instead be an interval ({@code INTERVAL 7 DAYS PRECEDING}) over a
 * date or timestamp ordering key: then {@code startInterval} or {@code endInterval} holds it,
 * signed (negated when {@code PRECEDING}), and {@code start} or {@code end} holds only its
 * direction ({@code -1}, {@code 0} or {@code 1}) so the bounds still order as numbers do.
 * Timestamps move by months and days in the session time zone, {@code zone}, which the analyzer
 * fills in (see {@link WindowExpression#withZone}).
 *
 * @param rows          {@code ROWS} (true) or {@code RANGE} (false)
 * @param start         the first row of the frame, relative to the current one
 * @param end           the last row of the frame, relative to the current one
 * @param startInterval the start as an interval offset of the ordering value, or null
 * @param endInterval   the end as an interval offset of the ordering value, or null
 * @param zone          the time zone interval offsets of timestamps are computed in, or null
 */
public record WindowFrame(boolean rows, long start, long end, CalendarInterval startInterval,
                          CalendarInterval endInterval, String zone) implements Serializable {

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
        if (rows && (startInterval != null || endInterval != null)) {
            throw new AnalysisException("[INVALID_WINDOW_FRAME] A ROWS frame counts rows; an interval bound needs a "
                    + "RANGE frame.");
        }
        if (start == UNBOUNDED_FOLLOWING || end == UNBOUNDED_PRECEDING || start > end) {
            throw new AnalysisException("[INVALID_WINDOW_FRAME] The window frame "
                    + describe(rows, start, end, startInterval, endInterval)
                    + " is invalid: its lower bound must not come after its upper bound.");
        }
    }

    /** A frame with no interval bounds. */
    public WindowFrame(boolean rows, long start, long end) {
        this(rows, start, end, null, null, null);
    }

    /** {@code ROWS BETWEEN start AND end}. */
    public static WindowFrame rows(long start, long end) {
        return new WindowFrame(true, start, end);
    }

    /** {@code RANGE BETWEEN start AND end}. */
    public static WindowFrame range(long start, long end) {
        return new WindowFrame(false, start, end);
    }

    /**
     * {@code RANGE BETWEEN start AND end} where each bound is a signed {@link CalendarInterval}
     * offset (negative: {@code PRECEDING}) or a {@code Long} as in {@link #range(long, long)}.
     *
     * @throws AnalysisException if a bound is neither, or the start comes after the end
     */
    public static WindowFrame range(Object start, Object end) {
        return new WindowFrame(false, direction(start), direction(end), intervalOf(start), intervalOf(end), null);
    }

    private static long direction(Object bound) {
        if (bound instanceof Long l) {
            return l;
        }
        if (bound instanceof CalendarInterval i) {
            int sign = Long.signum(i.months() != 0 ? i.months() : i.days() != 0 ? i.days() : i.microseconds());
            boolean mixed = Long.signum(i.months()) * sign < 0 || Long.signum(i.days()) * sign < 0
                    || Long.signum(i.microseconds()) * sign < 0;
            if (mixed) {
                throw new AnalysisException("[INVALID_WINDOW_FRAME] The frame bound " + i.sql() + " mixes positive "
                        + "and negative parts.");
            }
            return sign;
        }
        throw new AnalysisException("[INVALID_WINDOW_FRAME] A RANGE frame bound must be a number or an interval, not "
                + bound + ".");
    }

    private static CalendarInterval intervalOf(Object bound) {
        return bound instanceof CalendarInterval i ? i : null;
    }

    /** This frame computing interval offsets of timestamps in {@code zoneId}. */
    public WindowFrame withZone(String zoneId) {
        return new WindowFrame(rows, start, end, startInterval, endInterval, zoneId);
    }

    /** Whether a bound is an interval, so it needs a date or timestamp ordering key (and a zone). */
    public boolean hasIntervalOffsets() {
        return startInterval != null || endInterval != null;
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
        return !rows && (isOffset(start) || isOffset(end) || hasIntervalOffsets());
    }

    private static boolean isOffset(long bound) {
        return bound != UNBOUNDED_PRECEDING && bound != UNBOUNDED_FOLLOWING && bound != CURRENT_ROW;
    }

    /** The frame as SQL writes it: {@code ROWS BETWEEN 2 PRECEDING AND CURRENT ROW}. */
    public String sql() {
        return describe(rows, start, end, startInterval, endInterval);
    }

    private static String describe(boolean rows, long start, long end, CalendarInterval startInterval,
                                   CalendarInterval endInterval) {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + bound(start, startInterval) + " AND "
                + bound(end, endInterval);
    }

    private static String bound(long b, CalendarInterval interval) {
        if (interval != null) {
            return b < 0 ? interval.negate().sql() + " PRECEDING" : interval.sql() + " FOLLOWING";
        }
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
