package io.ember.dataframe.internal.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The internal value of a map column: keys and values as two parallel lists of internal values,
 * in insertion order, keys unique (as Spark's {@code ArrayBasedMapData}). Parallel lists rather
 * than a {@link java.util.Map} because internal keys such as {@code byte[]} have no usable
 * {@code equals}; lookups compare with {@link Values#equal}. Immutable.
 */
public final class MapData implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Object> keys;
    private final List<Object> values;

    /**
     * A map of {@code keys[i] -> values[i]}.
     *
     * @throws IllegalArgumentException if the lists differ in size or a key is null
     */
    public MapData(List<?> keys, List<?> values) {
        Objects.requireNonNull(keys, "keys is null");
        Objects.requireNonNull(values, "values is null");
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("A map needs as many keys as values: " + keys.size() + " keys, "
                    + values.size() + " values");
        }
        for (Object k : keys) {
            if (k == null) {
                throw new IllegalArgumentException("[NULL_MAP_KEY] Cannot use null as map key.");
            }
        }
        this.keys = Collections.unmodifiableList(new ArrayList<>(keys));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * A map of {@code keys[i] -> values[i]} where a repeated key keeps its last value (Spark's
     * default {@code LAST_WIN} policy for {@code map(...)} and readers).
     */
    public static MapData lastWins(List<?> keys, List<?> values) {
        List<Object> k = new ArrayList<>(keys.size());
        List<Object> v = new ArrayList<>(values.size());
        for (int i = 0; i < keys.size(); i++) {
            int at = indexOf(k, keys.get(i));
            if (at >= 0) {
                v.set(at, values.get(i));
            } else {
                k.add(keys.get(i));
                v.add(values.get(i));
            }
        }
        return new MapData(k, v);
    }

    /** The keys, in order (unmodifiable). */
    public List<Object> keys() {
        return keys;
    }

    /** The values, in the keys' order (unmodifiable). */
    public List<Object> values() {
        return values;
    }

    /** The number of entries. */
    public int size() {
        return keys.size();
    }

    /** The value of {@code key}, or null if the map has no such key. */
    public Object get(Object key) {
        int at = indexOf(keys, key);
        return at < 0 ? null : values.get(at);
    }

    private static int indexOf(List<Object> keys, Object key) {
        for (int i = 0; i < keys.size(); i++) {
            if (Values.equal(keys.get(i), key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapData m && Values.equal(keys, m.keys) && Values.equal(values, m.values);
    }

    @Override
    public int hashCode() {
        return Values.hash(keys) * 31 + Values.hash(values);
    }

    @Override
    public String toString() {
        return "MapData(" + keys + ", " + values + ")";
    }
}
