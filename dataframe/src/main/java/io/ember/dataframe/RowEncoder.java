package io.ember.dataframe;

import io.ember.dataframe.types.StructType;

/** Rows as themselves, so that a {@link DataFrame} can be seen as a {@code Dataset<Row>}. */
record RowEncoder(StructType schema) implements AgnosticEncoder<Row> {

    @Override
    public Class<Row> clsTag() {
        return Row.class;
    }

    @Override
    public boolean isStruct() {
        return true;
    }

    @Override
    public Row toRow(Row value) {
        return value;
    }

    @Override
    public Row fromRow(Row row) {
        return Row.withSchema(row.toArray(), schema);
    }

    @Override
    public String toString() {
        return "Encoder[row: " + schema.simpleString() + "]";
    }
}
