package io.ember.dataframe;

import java.util.Objects;

/**
 * The engine's side of an {@link Encoder}: one object to one row of the encoder's schema and back.
 * Every encoder of {@link Encoders} implements it; beans and records go through {@link BeanSchema},
 * the same reading that {@code createDataFrame(List, Class)} uses.
 */
interface AgnosticEncoder<T> extends Encoder<T> {

    /**
     * Whether an object takes a struct of the schema's columns (a bean, a tuple, a row) rather than
     * the one column {@code value}: inside a tuple it is then a struct column (Spark's
     * {@code isStruct}).
     */
    boolean isStruct();

    /** The row of {@code value}, its fields in schema order. */
    Row toRow(T value);

    /**
     * The object of {@code row}, whose fields are in schema order.
     *
     * @throws NullPointerException if a null would go into a primitive field, naming it
     */
    T fromRow(Row row);

    /**
     * {@code encoder} as the engine's encoder.
     *
     * @throws IllegalArgumentException if {@code encoder} was not made by {@link Encoders}
     */
    static <T> AgnosticEncoder<T> of(Encoder<T> encoder) {
        Objects.requireNonNull(encoder, "encoder is null");
        if (encoder instanceof AgnosticEncoder<T> e) {
            return e;
        }
        throw new IllegalArgumentException("Encoder " + encoder.getClass().getName()
                + " is not one of Ember's; obtain encoders from io.ember.dataframe.Encoders");
    }
}
