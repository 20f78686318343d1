package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * {@code start + interval} for a date or timestamp {@code start}, as Spark adds a
 * {@link CalendarInterval}: months first (the day of month clamped to the month's length, so
 * January 31 plus one month is the last day of February), then days, then the time part. A date
 * plus an interval without a time part is a date; otherwise the result is a timestamp, computed in
 * the session time zone. The analyzer builds this node from {@code start + INTERVAL ...} and
 * {@code start - INTERVAL ...} (with the interval negated).
 *
 * @param start    a date or timestamp expression
 * @param interval the constant interval to add
 * @param zone     the session time zone id, filled in by the analyzer
 */
public record DateTimeAddInterval(Expression start, CalendarInterval interval, String zone) implements TimeZoneAware {

    /** {@code start + interval}, its zone to be filled in by the analyzer. */
    public DateTimeAddInterval(Expression start, CalendarInterval interval) {
        this(start, interval, null);
    }

    @Override
    public List<Expression> children() {
        return List.of(start);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new DateTimeAddInterval(c.get(0), interval, zone);
    }

    @Override
    public Expression withZone(String zoneId) {
        return new DateTimeAddInterval(start, interval, zoneId);
    }

    @Override
    public boolean needsZone() {
        return zone == null;
    }

    @Override
    public DataType dataType() {
        return start.dataType() instanceof DateType && !interval.hasTimePart() ? DataTypes.DateType
                : DataTypes.TimestampType;
    }

    @Override
    public boolean nullable() {
        return start.nullable();
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector in = start.eval(input);
        int n = input.numRows;
        boolean[] nulls = Vectors.copyNulls(in, n);
        if (dataType() instanceof DateType) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                if (!in.isNull(i)) {
                    out[i] = Math.toIntExact(LocalDate.ofEpochDay(in.ints[i]).plusMonths(interval.months())
                            .plusDays(interval.days()).toEpochDay());
                }
            }
            return ColumnVector.ofInts(DataTypes.DateType, out, nulls, n);
        }
        ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        boolean fromDate = start.dataType() instanceof DateType;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (!in.isNull(i)) {
                ZonedDateTime t = fromDate ? LocalDate.ofEpochDay(in.ints[i]).atStartOfDay(z)
                        : Values.microsToInstant(in.longs[i]).atZone(z);
                t = t.plusMonths(interval.months()).plusDays(interval.days());
                out[i] = Math.addExact(Values.instantToMicros(t.toInstant()), interval.microseconds());
            }
        }
        return ColumnVector.ofLongs(DataTypes.TimestampType, out, nulls, n);
    }

    @Override
    public String render(List<String> c) {
        return c.get(0) + " + " + interval.sql();
    }

    @Override
    public String toString() {
        return explain();
    }
}
