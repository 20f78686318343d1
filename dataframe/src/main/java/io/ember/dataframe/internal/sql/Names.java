package io.ember.dataframe.internal.sql;

import io.ember.dataframe.internal.analysis.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
        return EditDistance.closest(name, candidates, max);
    }
}
