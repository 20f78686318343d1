package io.ember.dataframe;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructType;

/**
 * A single nullable column {@code value} holding one Java value per row (a string, a number, a
 * date...). {@code short}, {@code byte} and {@code float} values live in int and double columns,
 * the engine having no narrower types, and come back as their own type.
 */
record ValueEncoder<T>(Class<T> clsTag, DataType type) implements AgnosticEncoder<T> {

    @Override
    public StructType schema() {
        return new StructType().add("value", type, true);
    }

    @Override
    public Row toRow(T value) {
        return Row.of(value);
    }

    @Override
    public T fromRow(Row row) {
        return clsTag.cast(JavaValues.toJava(row.get(0), clsTag, "value"));
    }

    @Override
    public boolean isStruct() {
        return false;
    }

    @Override
    public String toString() {
        return "Encoder[value: " + type.simpleString() + "]";
    }
}
