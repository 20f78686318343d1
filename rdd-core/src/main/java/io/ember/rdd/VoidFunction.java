package io.ember.rdd;

import java.io.Serializable;

/**
 * A serializable action on one value, for {@link RDD#foreach}. Vavr has no serializable
 * consumer, hence this one interface of Ember's own.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {

    /** Acts on {@code value}; may throw, which fails the task. */
    void call(T value) throws Exception;
}
