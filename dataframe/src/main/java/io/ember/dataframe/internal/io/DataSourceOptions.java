package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.sql.Names;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options given to one read or write, keyed case-insensitively as Spark keys them. Checking
 * them against the options a format knows turns a misspelt option into an error that names it and
 * the closest known option, instead of an option silently ignored.
 */
public final class DataSourceOptions implements Serializable {
    private final Map<String, String> byLowerName;
    private final Map<String, String> original;

    /** Options from a map of names (any case) to values; a later key of the same name wins. */
    public DataSourceOptions(Map<String, String> options) {
        Map<String, String> lower = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            lower.put(k.toLowerCase(Locale.ROOT), v);
            given.put(k.toLowerCase(Locale.ROOT), k);
        });
        this.byLowerName = Collections.unmodifiableMap(lower);
        this.original = Collections.unmodifiableMap(given);
    }

    /** The value of {@code name} (any case), or null. */
    public String get(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The value of {@code name}, or {@code fallback}. */
    public String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    /**
     * The boolean value of {@code name}, or {@code fallback}.
     *
     * @throws IllegalArgumentException naming the option if the value is not true or false
     */
    public boolean bool(String name, boolean fallback) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Option '" + name + "' must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** The options as given, keyed by lower-case name. */
    public Map<String, String> asLowerCaseMap() {
        return byLowerName;
    }

    /**
     * Checks that every option is one of {@code known} (names in Spark's spelling, compared
     * case-insensitively).
     *
     * @throws IllegalArgumentException naming the first unknown option, the format and the
     *                                  closest known option
     */
    public void requireKnown(String what, Set<String> known) {
        Set<String> lowerKnown = new TreeSet<>();
        known.forEach(k -> lowerKnown.add(k.toLowerCase(Locale.ROOT)));
        for (String k : byLowerName.keySet()) {
            if (!lowerKnown.contains(k)) {
                throw new IllegalArgumentException("Unknown option '" + original.get(k) + "' for " + what
                        + closest(k, known) + ". Known options: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static String closest(String name, Set<String> known) {
        List<String> best = Names.closest(name, known, 1);
        return best.isEmpty() ? "" : "; did you mean '" + best.get(0) + "'?";
    }
}
