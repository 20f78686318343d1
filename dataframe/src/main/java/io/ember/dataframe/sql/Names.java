package io.ember.dataframe.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Identifier helpers: unquoting, quoting for messages, and "did you mean" suggestions. */
public final class Names {
    private Names() {
    }

    /** {@code name} without the backquotes or double quotes around it (doubled quotes inside undone). */
    static String unquote(String name) {
        if (name != null && name.length() >= 2) {
            char q = name.charAt(0);
            if ((q == '`' || q == '"') && name.charAt(name.length() - 1) == q) {
                String inner = name.substring(1, name.length() - 1);
                return inner.replace(String.valueOf(q) + q, String.valueOf(q));
            }
        }
        return name;
    }

    /** Whether {@code name} was written in double quotes (a string in Spark SQL). */
    static boolean doubleQuoted(String name) {
        return name != null && name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"");
    }

    /** One part of a column name as the analyzer reads it: backquoted if it holds a dot or backquote. */
    static String part(String unquoted) {
        if (unquoted.indexOf('.') < 0 && unquoted.indexOf('`') < 0) {
            return unquoted;
        }
        return "`" + unquoted.replace("`", "``") + "`";
    }

    /** {@code names} as a message lists them: {@code [`a`, `b`]}. */
    static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add("`" + n + "`");
        }
        return "[" + String.join(", ", q) + "]";
    }

    /** Up to {@code max} of {@code candidates}, closest to {@code name} first (edit distance, ignoring case). */
    public static List<String> closest(String name, Collection<String> candidates, int max) {
        String target = name.toLowerCase(Locale.ROOT);
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((String c) -> distance(target, c.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        return sorted.subList(0, Math.min(max, sorted.size()));
    }

    /** The Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
