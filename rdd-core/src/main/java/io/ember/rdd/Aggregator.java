package io.ember.rdd;

import io.vavr.Function1;
import io.vavr.Function2;
import java.io.Serializable;

/**
 * How the values of one key are combined (Spark's {@code combineByKey} triple): the first value
 * becomes a combiner, later values merge into it, and combiners from different map tasks merge
 * with each other.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <C> combiner type
 */
public record Aggregator<K, V, C>(Function1<? super V, ? extends C> createCombiner,
                                  Function2<C, ? super V, ? extends C> mergeValue,
                                  Function2<C, C, ? extends C> mergeCombiners) implements Serializable {
}
