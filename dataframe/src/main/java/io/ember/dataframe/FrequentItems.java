package io.ember.dataframe;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter behind {@code freqItems}, Spark's algorithm (Karp, Schenker and Papadimitriou): at
 * most {@code 1 / support} candidate values with counts; a value that finds the counter full
 * enters with its count if that is at least the smallest count, then every count is lowered by
 * the smallest one and those reaching 0 are dropped; otherwise every count is lowered by the new
 * value's count. Every value occurring in more than {@code support} of
 * the rows is among the candidates left, with false positives possible, as in Spark.
 */
final class FrequentItems implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int capacity;
    private final HashMap<Object, Long> counts = new HashMap<>();

    FrequentItems(int capacity) {
        this.capacity = capacity;
    }

    /** Counts {@code value} {@code count} more times. */
    FrequentItems add(Object value, long count) {
        Long known = counts.get(value);
        if (known != null) {
            counts.put(value, known + count);
        } else if (counts.size() < capacity) {
            counts.put(value, count);
        } else {
            long smallest = Collections.min(counts.values());
            if (count >= smallest) {
                counts.put(value, count);
                counts.values().removeIf(v -> v <= smallest);
                counts.replaceAll((k, v) -> v - smallest);
            } else {
                counts.replaceAll((k, v) -> v - count);
            }
        }
        return this;
    }

    /** This counter with {@code other}'s counts added. */
    FrequentItems merge(FrequentItems other) {
        for (Map.Entry<Object, Long> e : other.counts.entrySet()) {
            add(e.getKey(), e.getValue());
        }
        return this;
    }

    /** The candidate values. */
    List<Object> items() {
        return new ArrayList<>(counts.keySet());
    }
}
