package io.ember.benchmarks.compare;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A workload's answer as the engines' children hand it to the parent: rows of values written as
 * text, one row a line, values separated by tabs, in a form that does not depend on which engine
 * (or which Java type) produced it. The parent compares two engines' answers with
 * {@link #difference}: numbers as numbers, to a relative 1e-6 (BENCHMARKS.md compares doubles to
 * six places; an average is a double on one engine and a decimal on another), everything else
 * exactly.
 *
 * <p>The Spark child (benchmarks/spark) writes the same format with its own copy of
 * {@link #cell}: its class path holds nothing of this module.
 */
public final class Answers {
    /** How a null value is written. */
    static final String NULL = "NULL";
    private static final double TOLERANCE = 1e-6;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Answers() {
    }

    /**
     * One value as text: integers and decimals in plain digits, doubles as Java prints them,
     * dates as ISO dates, timestamps as UTC wall-clock times ({@code yyyy-MM-dd HH:mm:ss}, the
     * children run in UTC), text with tabs, newlines and backslashes escaped.
     */
    public static String cell(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Timestamp t) {
            return timestamp(t.toLocalDateTime());
        }
        if (value instanceof LocalDateTime t) {
            return timestamp(t);
        }
        if (value instanceof Instant t) {
            return timestamp(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime t) {
            return timestamp(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        // java.sql.Date and LocalDate print as ISO dates; booleans as true/false.
        return value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** Whole seconds without a fraction, else to the microsecond (every engine's precision). */
    private static String timestamp(LocalDateTime t) {
        return (t.getNano() == 0 ? SECONDS : MICROS).format(t);
    }

    /** Writes rows of values ({@link #cell} each) to {@code file}. */
    public static void write(Path file, List<List<Object>> rows) throws IOException {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                text.append(i == 0 ? "" : "\t").append(cell(row.get(i)));
            }
            text.append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Reads what {@link #write} wrote: rows of cells. */
    public static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(Arrays.asList(line.split("\t", -1)));
        }
        return rows;
    }

    /**
     * How {@code actual} differs from {@code expected}, or empty if they agree: in row order when
     * {@code ordered}, else as multisets (both sorted by their text first).
     */
    public static Optional<String> difference(List<List<String>> expected, List<List<String>> actual,
                                              boolean ordered) {
        if (expected.size() != actual.size()) {
            return Optional.of(actual.size() + " rows instead of " + expected.size());
        }
        List<List<String>> e = ordered ? expected : sorted(expected);
        List<List<String>> a = ordered ? actual : sorted(actual);
        for (int r = 0; r < e.size(); r++) {
            if (!sameRow(e.get(r), a.get(r))) {
                return Optional.of("row " + (r + 1) + " is " + a.get(r) + " instead of " + e.get(r));
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(Comparator.comparing(row -> String.join("\t", row))).toList();
    }

    private static boolean sameRow(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!sameCell(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameCell(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        Optional<BigDecimal> e = number(expected);
        Optional<BigDecimal> a = number(actual);
        if (e.isEmpty() || a.isEmpty()) {
            return false;
        }
        double x = e.get().doubleValue();
        double y = a.get().doubleValue();
        return Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static Optional<BigDecimal> number(String cell) {
        try {
            return Optional.of(new BigDecimal(cell));
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a number: compared as text
        }
    }
}
