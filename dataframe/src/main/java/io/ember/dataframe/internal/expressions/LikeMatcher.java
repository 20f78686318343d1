package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled SQL LIKE pattern ({@code %} any run, {@code _} one character, {@code \} escapes the
 * next character). Patterns made of literal runs and {@code %} (prefix, suffix, contains and their
 * combinations: the common ones) match on UTF-8 bytes: the first run must start the string, the
 * last end it, and the others are found in order, leftmost first, which is exact because
 * {@code %} absorbs anything between them. Patterns with {@code _} count characters and go
 * through the equivalent Java regex on the decoded string.
 */
final class LikeMatcher {
    /** The literal runs between {@code %}s, as UTF-8; null when the regex decides. */
    private final byte[][] runs;
    private final boolean leadingPercent;
    private final boolean trailingPercent;
    private final Pattern regex;

    private LikeMatcher(byte[][] runs, boolean leadingPercent, boolean trailingPercent, Pattern regex) {
        this.runs = runs;
        this.leadingPercent = leadingPercent;
        this.trailingPercent = trailingPercent;
        this.regex = regex;
    }

    /** The matcher of {@code pattern}. */
    static LikeMatcher compile(String pattern) {
        List<byte[]> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean leading = false;
        boolean trailing = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                run.append(pattern.charAt(++i));
                trailing = false;
            } else if (c == '_') {
                return new LikeMatcher(null, false, false, Fn.regex(Fn.likeToRegex(pattern)));
            } else if (c == '%') {
                if (i == 0) {
                    leading = true;
                } else if (!trailing) {
                    runs.add(Utf8.encode(run.toString()));
                    run.setLength(0);
                }
                trailing = true;
            } else {
                run.append(c);
                trailing = false;
            }
        }
        if (!trailing) {
            runs.add(Utf8.encode(run.toString()));
        }
        return new LikeMatcher(runs.toArray(new byte[0][]), leading, trailing, null);
    }

    /** Whether non-null string value {@code i} of {@code s} matches. */
    boolean matches(ColumnVector s, int i) {
        if (regex != null) {
            return regex.matcher(s.getString(i)).matches();
        }
        byte[] b = s.bytes;
        int off = s.offsets[i];
        int len = s.lengths[i];
        if (runs.length == 0) {
            // Only percent signs (or an empty pattern, which matches only the empty string).
            return leadingPercent || trailingPercent || len == 0;
        }
        if (runs.length == 1 && !leadingPercent && !trailingPercent) {
            return Utf8.equals(b, off, len, runs[0], 0, runs[0].length);
        }
        int from = 0;
        int until = len;
        int first = 0;
        int last = runs.length - 1;
        if (!leadingPercent) {
            if (!Utf8.startsWith(b, off, len, runs[0], 0, runs[0].length)) {
                return false;
            }
            from = runs[0].length;
            first = 1;
        }
        if (!trailingPercent) {
            byte[] end = runs[last];
            if (until - from < end.length || !Utf8.endsWith(b, off, len, end, 0, end.length)) {
                return false;
            }
            until -= end.length;
            last--;
        }
        for (int r = first; r <= last; r++) {
            int at = Utf8.indexOf(b, off, until, from, runs[r], 0, runs[r].length);
            if (at < 0) {
                return false;
            }
            from = at + runs[r].length;
        }
        return true;
    }
}
