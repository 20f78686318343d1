package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.CalendarInterval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value of an interval literal as Spark SQL writes it: one unit
 * ({@code INTERVAL '90' DAY}, {@code INTERVAL 1 YEAR}, {@code INTERVAL 3 DAYS},
 * {@code INTERVAL '1.5' SECOND}), several units in one string
 * ({@code INTERVAL '1 year 2 months 3 days'}), or a range of fields
 * ({@code INTERVAL '1-2' YEAR TO MONTH}, {@code INTERVAL '1 10:30:00' DAY TO SECOND}).
 * Units may be singular or plural; weeks are seven days, milliseconds and microseconds parts of
 * the time.
 */
final class IntervalLiterals {
    private static final Pattern UNIT_VALUE = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s+([A-Za-z]+)\\s*");
    private static final Pattern YEAR_MONTH = Pattern.compile("([+-])?(\\d+)-(\\d+)");
    private static final Pattern DAY_TIME = Pattern.compile("([+-])?(?:(\\d+) )?(\\d+)(?::(\\d+))?(?::(\\d+(?:\\.\\d+)?))?");
    private static final Pattern LEADING_DIGITS = Pattern.compile("^[+-]?(\\d+)");
    private static final List<String> SINGULAR_UNITS = List.of("year", "month", "week", "day", "hour", "minute",
            "second", "millisecond", "microsecond");
    private static final String UNITS = "YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND";
    private static final List<String> DAY_TIME_FIELDS = List.of("day", "hour", "minute", "second");

    private IntervalLiterals() {
    }

    /**
     * The interval {@code value} (the literal's text without quotes) means in {@code unit}, or in
     * the range {@code unit TO trailing}; {@code unit} null means the text names its own units.
     *
     * @throws AnalysisException naming the literal if the text or unit is not one Spark accepts
     */
    static CalendarInterval parse(String value, String unit, String trailing) {
        String text = value.trim();
        try {
            if (unit == null) {
                return multiUnit(text);
            }
            if (trailing != null) {
                return range(text, unit.toLowerCase(Locale.ROOT), trailing.toLowerCase(Locale.ROOT));
            }
            return single(new BigDecimal(text), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(value, unit, trailing, "the value is not a number in range");
        }
    }

    /**
     * Checks the SQL standard's leading field precision ({@code INTERVAL '90' DAY (3)}, as the
     * TPC-H text writes it): the leading field has at most {@code precision} digits.
     *
     * @throws AnalysisException naming the literal if it has more
     */
    static void checkLeadingPrecision(String value, String unit, Integer precision) {
        if (precision == null || unit == null) {
            return;
        }
        Matcher m = LEADING_DIGITS.matcher(value.trim());
        if (m.find() && m.group(1).length() > precision) {
            throw invalid(value, unit, null, "the leading field has more than " + precision + " digits");
        }
    }

    private static CalendarInterval multiUnit(String text) {
        String body = text.toLowerCase(Locale.ROOT).startsWith("interval ") ? text.substring(9) : text;
        Matcher m = UNIT_VALUE.matcher(body);
        CalendarInterval sum = new CalendarInterval(0, 0, 0);
        int at = 0;
        boolean any = false;
        while (m.find() && m.start() == at) {
            if (singularUnit(m.group(2)) == null) {
                throw invalid(text, null, null, "'" + m.group(2) + "' is not a unit (" + UNITS + ")");
            }
            sum = sum.plus(single(new BigDecimal(m.group(1)), m.group(2)));
            at = m.end();
            any = true;
        }
        if (!any || at != body.length()) {
            throw invalid(text, null, null, "expected pairs of a number and a unit, such as '1 year 2 months'");
        }
        return sum;
    }

    /** Whether {@code word} names an interval unit ({@code year}, {@code MONTHS}, ...). */
    static boolean isUnit(String word) {
        return singularUnit(word) != null;
    }

    /** The singular lower-case spelling of the unit {@code unit}, or null if it is none. */
    private static String singularUnit(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.endsWith("s") && u.length() > 1) {
            u = u.substring(0, u.length() - 1);
        }
        return SINGULAR_UNITS.contains(u) ? u : null;
    }

    /** {@code amount} of {@code unit}. */
    static CalendarInterval single(BigDecimal amount, String unit) {
        String u = singularUnit(unit);
        if (u == null) {
            throw invalid(amount.toPlainString(), unit, null, "the unit is not one of " + UNITS);
        }
        return switch (u) {
            case "year" -> new CalendarInterval(Math.multiplyExact(amount.intValueExact(), 12), 0, 0);
            case "month" -> new CalendarInterval(amount.intValueExact(), 0, 0);
            case "week" -> new CalendarInterval(0, Math.multiplyExact(amount.intValueExact(), 7), 0);
            case "day" -> new CalendarInterval(0, amount.intValueExact(), 0);
            case "hour" -> micros(amount, CalendarInterval.MICROS_PER_HOUR);
            case "minute" -> micros(amount, CalendarInterval.MICROS_PER_MINUTE);
            case "second" -> micros(amount, CalendarInterval.MICROS_PER_SECOND);
            case "millisecond" -> micros(amount, 1000);
            default -> micros(amount, 1);
        };
    }

    private static CalendarInterval micros(BigDecimal amount, long perUnit) {
        BigDecimal us = amount.multiply(BigDecimal.valueOf(perUnit));
        if (us.stripTrailingZeros().scale() > 0) {
            throw new ArithmeticException("fraction of a microsecond");
        }
        return new CalendarInterval(0, 0, us.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    private static CalendarInterval range(String text, String from, String to) {
        if (from.equals("year") && to.equals("month")) {
            Matcher m = YEAR_MONTH.matcher(text);
            if (!m.matches()) {
                throw invalid(text, from, to, "expected [+|-]y-m");
            }
            int months = Math.addExact(Math.multiplyExact(Integer.parseInt(m.group(2)), 12), Integer.parseInt(m.group(3)));
            return new CalendarInterval("-".equals(m.group(1)) ? -months : months, 0, 0);
        }
        int first = DAY_TIME_FIELDS.indexOf(from);
        int last = DAY_TIME_FIELDS.indexOf(to);
        if (first < 0 || last <= first) {
            throw invalid(text, from, to, "the range of fields is not YEAR TO MONTH or one of DAY, HOUR, MINUTE, "
                    + "SECOND to a later one");
        }
        Matcher m = DAY_TIME.matcher(text);
        if (!m.matches()) {
            throw invalid(text, from, to, "expected [+|-][d ]h[:m[:s]] for the fields " + from + " to " + to);
        }
        // The fields present, in order, are the ones from `from` to `to`: map the groups onto them.
        String[] groups = {m.group(2), m.group(3), m.group(4), m.group(5)};
        String[] values = new String[4];
        int g = groups[0] == null ? 1 : 0;
        for (int f = first; f <= last; f++) {
            if (g >= groups.length || groups[g] == null) {
                throw invalid(text, from, to, "expected a value for every field from " + from + " to " + to);
            }
            values[f] = groups[g++];
        }
        if (g < groups.length && groups[g] != null) {
            throw invalid(text, from, to, "more fields than " + from + " to " + to);
        }
        CalendarInterval sum = new CalendarInterval(0, 0, 0);
        for (int f = first; f <= last; f++) {
            sum = sum.plus(single(new BigDecimal(values[f]), DAY_TIME_FIELDS.get(f)));
        }
        return "-".equals(m.group(1)) ? sum.negate() : sum;
    }

    private static AnalysisException invalid(String value, String unit, String trailing, String why) {
        String qualifier = unit == null ? "" : " " + unit.toUpperCase(Locale.ROOT)
                + (trailing == null ? "" : " TO " + trailing.toUpperCase(Locale.ROOT));
        return new AnalysisException("[INVALID_INTERVAL_FORMAT] Error parsing the interval literal INTERVAL '" + value
                + "'" + qualifier + ": " + why + ".");
    }
}
