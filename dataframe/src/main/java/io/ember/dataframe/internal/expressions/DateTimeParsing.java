package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.Values;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/** Parsing of dates and timestamps from text: the default formats and user patterns. */
public final class DateTimeParsing {
    private static final ConcurrentHashMap<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private DateTimeParsing() {
    }

    /**
     * Days since the epoch of {@code yyyy-[m]m-[d]d} (anything after a space or {@code T} is
     * ignored, as Spark's cast does), or null if {@code s} is not a date.
     */
    public static Integer parseDate(String s) {
        int end = s.length();
        int cut = s.indexOf(' ');
        if (cut < 0) {
            cut = s.indexOf('T');
        }
        if (cut >= 0) {
            end = cut;
        }
        String[] parts = s.substring(0, end).split("-", -1);
        try {
            if (parts.length == 1 && parts[0].length() == 4) {
                return (int) LocalDate.of(Integer.parseInt(parts[0]), 1, 1).toEpochDay();
            }
            if (parts.length == 2) {
                return (int) LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1).toEpochDay();
            }
            if (parts.length != 3 || parts[0].length() != 4) {
                return null;
            }
            return (int) LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2])).toEpochDay();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Microseconds of {@code yyyy-MM-dd[( |T)HH:mm[:ss[.ffffff]]][zone]} read in {@code zone}
     * unless it names its own offset, or null if {@code s} is not a timestamp.
     */
    public static Long parseTimestamp(String s, ZoneId zone) {
        if (s.length() == 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && (s.charAt(10) == ' ' || s.charAt(10) == 'T')
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            Long fast = fixedWidth(s, zone);
            if (fast != null) {
                return fast;
            }
        }
        try {
            String t = s.replace('T', ' ');
            int space = t.indexOf(' ');
            if (space < 0) {
                Integer days = parseDate(t);
                return days == null ? null
                        : Values.instantToMicros(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
            }
            LocalDate date = LocalDate.ofEpochDay(nonNull(parseDate(t.substring(0, space))));
            String time = t.substring(space + 1).trim();
            ZoneId z = zone;
            int zoneAt = zoneStart(time);
            if (zoneAt >= 0) {
                String zoneText = time.substring(zoneAt).trim();
                time = time.substring(0, zoneAt);
                z = zoneText.equals("Z") || zoneText.equals("UTC") ? ZoneId.of("UTC") : ZoneId.of(zoneText);
            }
            String[] hms = time.split(":", -1);
            if (hms.length < 2 || hms.length > 3) {
                return null;
            }
            int hour = Integer.parseInt(hms[0]);
            int minute = Integer.parseInt(hms[1]);
            int second = 0;
            int nanos = 0;
            if (hms.length == 3) {
                String sec = hms[2];
                int dot = sec.indexOf('.');
                if (dot >= 0) {
                    String frac = (sec.substring(dot + 1) + "000000000").substring(0, 9);
                    nanos = Integer.parseInt(frac) / 1000 * 1000;
                    sec = sec.substring(0, dot);
                }
                second = Integer.parseInt(sec);
            }
            LocalDateTime ldt = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
            return Values.instantToMicros(ldt.atZone(z).toInstant());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} without objects per value (the common case of CSV input). */
    private static Long fixedWidth(String s, ZoneId zone) {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 + 3 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        long local = epochDay * 86_400L + hour * 3600L + minute * 60L + second;
        long offset;
        if (zone instanceof java.time.ZoneOffset o) {
            offset = o.getTotalSeconds();
        } else if (zone.getRules().isFixedOffset()) {
            offset = zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds();
        } else {
            offset = zone.getRules().getOffset(LocalDateTime.of(year, month, day, hour, minute, second)).getTotalSeconds();
        }
        return (local - offset) * 1_000_000L;
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int nonNull(Integer v) {
        if (v == null) {
            throw new IllegalArgumentException("not a date");
        }
        return v;
    }

    private static int zoneStart(String time) {
        for (int i = 0; i < time.length(); i++) {
            char c = time.charAt(i);
            if (c == 'Z' || c == '+' || (c == '-' && i > 0) || Character.isLetter(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A formatter for a Spark / Java datetime pattern such as {@code yyyy-MM-dd HH:mm:ss}. */
    public static DateTimeFormatter formatter(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, p -> new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(p)
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.SMART));
    }

    /** Days of {@code s} parsed with {@code pattern}, or null. */
    public static Integer parseDate(String s, String pattern) {
        try {
            TemporalAccessor t = formatter(pattern).parse(s.trim());
            return (int) LocalDate.from(t).toEpochDay();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Microseconds of {@code s} parsed with {@code pattern} in {@code zone} (unless it has a zone), or null. */
    public static Long parseTimestamp(String s, String pattern, ZoneId zone) {
        try {
            TemporalAccessor t = formatter(pattern).parse(s.trim());
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Values.instantToMicros(OffsetDateTime.from(t).toInstant());
            }
            ZoneId z = t.query(java.time.temporal.TemporalQueries.zoneId());
            LocalDateTime ldt = t.isSupported(ChronoField.HOUR_OF_DAY) && t.isSupported(ChronoField.MINUTE_OF_HOUR)
                    ? LocalDateTime.from(t) : LocalDate.from(t).atStartOfDay();
            return Values.instantToMicros(ZonedDateTime.of(ldt, z != null ? z : zone).toInstant());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
