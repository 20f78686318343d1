package io.ember.dataframe.internal.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Edit distance between names, for the "did you mean" part of errors: unknown columns, functions,
 * views, reader and JDBC options all suggest their closest known names through this one class.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** Up to {@code max} of {@code candidates}, closest to {@code name} first, ignoring case (ties by name). */
    public static List<String> closest(String name, Collection<String> candidates, int max) {
        String target = name.toLowerCase(Locale.ROOT);
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((String c) -> distance(target, c.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        return sorted.subList(0, Math.min(max, sorted.size()));
    }

    /** The Levenshtein distance between {@code a} and {@code b}. */
    public static int distance(String a, String b) {
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
