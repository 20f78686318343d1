package io.ember.dataframe;

/** Creates {@link Row}s, as Spark's {@code RowFactory} does. */
public final class RowFactory {
    private RowFactory() {
    }

    /** A row of {@code values} (external values: Integer, String, java.sql.Date, ...). */
    public static Row create(Object... values) {
        return Row.of(values);
    }
}
