package io.ember.dataframe;

import io.ember.dataframe.types.StructType;

/** Beans and records as columns, one per property or component, read and built by {@link BeanSchema}. */
record BeanEncoder<T>(Class<T> clsTag, BeanSchema bean) implements AgnosticEncoder<T> {

    /** The encoder of {@code beanClass}; see {@link BeanSchema#of} for the errors. */
    static <T> BeanEncoder<T> of(Class<T> beanClass) {
        return new BeanEncoder<>(beanClass, BeanSchema.of(beanClass).requireBuildable());
    }

    @Override
    public StructType schema() {
        return bean.schema();
    }

    @Override
    public boolean isStruct() {
        return true;
    }

    @Override
    public Row toRow(T value) {
        if (value == null) {
            throw new NullPointerException("A null " + clsTag.getName() + " cannot be stored as a row of "
                    + schema().simpleString() + "; filter nulls out first");
        }
        return bean.toRow(value);
    }

    @Override
    public T fromRow(Row row) {
        return clsTag.cast(bean.fromRow(row));
    }

    @Override
    public String toString() {
        return "Encoder[" + clsTag.getName() + ": " + schema().simpleString() + "]";
    }
}
