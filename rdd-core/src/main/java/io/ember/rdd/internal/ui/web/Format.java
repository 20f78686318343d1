package io.ember.rdd.internal.ui.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages (built-in and {@link UiExtension}s') write times, durations and sizes, as Spark's UI does. */
public final class Format {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Format() {
    }

    /** An epoch-milliseconds time, or an empty string for a negative one (not happened yet). */
    public static String time(long epochMillis) {
        return epochMillis < 0 ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code 45 ms}, {@code 1.2 s}, {@code 2.5 min} or {@code 1.1 h}. */
    public static String duration(long millis) {
        if (millis < 1000) {
            return Math.max(0, millis) + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (millis < 3_600_000) {
            return String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
        }
        return String.format(Locale.ROOT, "%.1f h", millis / 3_600_000.0);
    }

    /** The first line of {@code text} (an error's message without its stack trace). */
    public static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** {@code 0.0 B}, {@code 1.5 KiB}, {@code 3.2 MiB}, ... */
    static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A size with its record count, e.g. {@code 1.5 KiB / 120}, or empty when both are 0. */
    static String bytesAndRecords(long bytes, long records) {
        return bytes == 0 && records == 0 ? "" : bytes(bytes) + " / " + records;
    }
}
