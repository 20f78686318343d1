package io.ember.rdd;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A comparator that can travel with a task ({@link RDD#takeOrdered(int, SerializableComparator)},
 * {@link RDD#top(int, SerializableComparator)}).
 *
 * @param <T> the compared type
 */
@FunctionalInterface
public interface SerializableComparator<T> extends Comparator<T>, Serializable {

    /** Natural ordering with nulls first, serializable. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> SerializableComparator<T> natural() {
        return (a, b) -> {
            if (a == b) {
                return 0;
            }
            if (a == null) {
                return -1;
            }
            if (b == null) {
                return 1;
            }
            return ((Comparable) a).compareTo(b);
        };
    }

    /** This ordering reversed, serializable. */
    default SerializableComparator<T> reverse() {
        SerializableComparator<T> self = this;
        return (a, b) -> self.compare(b, a);
    }
}
