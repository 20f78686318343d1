package io.ember.benchmarks.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parent tells an engine's child, as {@code key=value} arguments: the workload, how many
 * warm-up and measured runs, where to write the answer, and the inputs' paths. Every engine's
 * child takes the same keys (the Spark child parses them with its own copy of this), and refuses
 * one it does not know.
 */
public final class ChildArgs {
    /** Every key a child understands; {@link #of} writes, {@link #parse} reads. */
    static final Set<String> KEYS = Set.of("workload", "warmups", "runs", "answers", "words", "yellowCsv",
            "yellowParquet", "greenParquet", "zones", "tpch", "sql", "out", "yellowSchema", "zoneSchema");

    private final Map<String, String> values;

    private ChildArgs(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The arguments as the child's command line gets them. */
    static List<String> of(Map<String, String> values) {
        List<String> args = new ArrayList<>();
        values.forEach((key, value) -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown child argument " + key + " (known: " + KEYS + ")");
            }
            args.add(key + "=" + value);
        });
        return args;
    }

    /** Parses a child's command line. */
    public static ChildArgs parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            if (eq < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("bad child argument '" + arg + "': expected key=value, key one of "
                        + KEYS);
            }
            values.put(key, arg.substring(eq + 1));
        }
        return new ChildArgs(values);
    }

    /** The value of {@code key}. */
    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the child needs " + key + "=... for workload " + values.get("workload"));
        }
        return value;
    }

    /** The value of {@code key} as a path. */
    public Path path(String key) {
        return Path.of(get(key));
    }

    /** The value of {@code key} as a count. */
    public int count(String key) {
        return Integer.parseInt(get(key));
    }
}
