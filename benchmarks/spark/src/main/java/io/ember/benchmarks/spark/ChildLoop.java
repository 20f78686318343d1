package io.ember.benchmarks.spark;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The child's half of the compare protocol, as the benchmarks module's {@code ChildArgs},
 * {@code RunLoop} and {@code Answers} define it (kept in step with them by hand: this class path
 * holds nothing of Ember's): {@code key=value} arguments, untimed warm-ups then timed runs each
 * printed as {@code #compare-ms=<ms>}, the last answer written as tab-separated cells, and the
 * peak resident set as the last line.
 */
final class ChildLoop {
    private static final Set<String> KEYS = Set.of("workload", "warmups", "runs", "answers", "words", "yellowCsv",
            "yellowParquet", "greenParquet", "zones", "tpch", "sql", "out", "yellowSchema", "zoneSchema");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Map<String, String> values;

    private ChildLoop(Map<String, String> values) {
        this.values = values;
    }

    /** One run of a workload, returning its answer's rows. */
    @FunctionalInterface
    interface Job {
        List<List<Object>> run() throws Exception;
    }

    static ChildLoop parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0 || !KEYS.contains(arg.substring(0, eq))) {
                throw new IllegalArgumentException("bad child argument '" + arg + "': expected key=value, key one of "
                        + KEYS);
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new ChildLoop(values);
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the child needs " + key + "=... for workload " + values.get("workload"));
        }
        return value;
    }

    void measure(int operations, Job job) throws Exception {
        List<List<Object>> answer = List.of();
        for (int i = 0; i < Integer.parseInt(get("warmups")); i++) {
            answer = job.run();
        }
        for (int i = 0; i < Integer.parseInt(get("runs")); i++) {
            long start = System.nanoTime();
            answer = job.run();
            System.out.println("#compare-ms=" + String.format(Locale.ROOT, "%.4f",
                    (System.nanoTime() - start) / 1e6 / operations));
        }
        writeAnswer(Path.of(get("answers")), answer);
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:")).findFirst()
                    .ifPresent(line -> System.out.println("#compare-peak-rss-bytes="
                            + Long.parseLong(line.replaceAll("\\D", "")) * 1024));
        }
    }

    private static void writeAnswer(Path file, List<List<Object>> rows) throws IOException {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                text.append(i == 0 ? "" : "\t").append(cell(row.get(i)));
            }
            text.append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The same text as the benchmarks module's {@code Answers.cell} for every type Spark returns. */
    private static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n && (n instanceof Double || n instanceof Float || n instanceof Long
                || n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof BigInteger)) {
            return n.toString();
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
        return value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String timestamp(LocalDateTime t) {
        return (t.getNano() == 0 ? SECONDS : MICROS).format(t);
    }
}
