package io.ember.dataframe.internal.expressions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of an interval literal, as Spark's {@code CalendarInterval}: a number of months
 * (years are twelve), of days, and of microseconds (hours, minutes, seconds). The three parts are
 * kept apart because a month has no fixed number of days, nor a day (across a daylight-saving
 * change) a fixed number of hours; they are added to a date or timestamp in that order.
 *
 * @param months       whole months
 * @param days         whole days
 * @param microseconds the time part
 */
public record CalendarInterval(int months, int days, long microseconds) implements Serializable {

    /** Microseconds in one second. */
    public static final long MICROS_PER_SECOND = 1_000_000L;
    /** Microseconds in one minute. */
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    /** Microseconds in one hour. */
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    /** The sum of this interval and {@code other}, part by part. */
    public CalendarInterval plus(CalendarInterval other) {
        return new CalendarInterval(Math.addExact(months, other.months), Math.addExact(days, other.days),
                Math.addExact(microseconds, other.microseconds));
    }

    /** This interval with every part negated. */
    public CalendarInterval negate() {
        return new CalendarInterval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(microseconds));
    }

    /** Whether the interval has a time part (hours, minutes, seconds), so that it moves a date to a timestamp. */
    public boolean hasTimePart() {
        return microseconds != 0;
    }

    /** As SQL writes it: {@code INTERVAL '1 years 2 months 3 days'}. */
    public String sql() {
        List<String> parts = new ArrayList<>();
        if (months / 12 != 0) {
            parts.add(months / 12 + " years");
        }
        if (months % 12 != 0) {
            parts.add(months % 12 + " months");
        }
        if (days != 0) {
            parts.add(days + " days");
        }
        if (microseconds != 0 || parts.isEmpty()) {
            long abs = Math.abs(microseconds);
            String sign = microseconds < 0 ? "-" : "";
            long hours = abs / MICROS_PER_HOUR;
            long minutes = abs % MICROS_PER_HOUR / MICROS_PER_MINUTE;
            long micros = abs % MICROS_PER_MINUTE;
            if (hours != 0) {
                parts.add(sign + hours + " hours");
            }
            if (minutes != 0) {
                parts.add(sign + minutes + " minutes");
            }
            if (micros != 0 || parts.isEmpty()) {
                String seconds = java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
                parts.add(sign + seconds + " seconds");
            }
        }
        return "INTERVAL '" + String.join(" ", parts) + "'";
    }

    @Override
    public String toString() {
        return sql();
    }
}
