package io.ember.dataframe;

import io.ember.dataframe.types.StructType;
import java.io.Serializable;

/**
 * How objects of type {@code T} become the columns of a {@link Dataset} and back: a bean's
 * properties, a record's components, a tuple's elements, or a single column {@code value} for a
 * string, a number, a date or an object serialized to bytes. Obtain one from {@link Encoders};
 * Ember accepts only the encoders made there.
 *
 * <pre>{@code
 * Encoder<Person> people = Encoders.bean(Person.class);
 * people.schema();   // struct<age:int,name:string>
 * }</pre>
 *
 * <p>Immutable, thread-safe and serializable (encoders travel with tasks to the executors).
 *
 * @param <T> the type of the objects
 */
public interface Encoder<T> extends Serializable {

    /** The columns the objects are stored in. */
    StructType schema();

    /** The class of the objects (Spark's {@code clsTag}). */
    Class<T> clsTag();
}
