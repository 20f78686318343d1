package io.ember.dataframe;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.batch.Values;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Conversions between rows (at the edges) and column batches (everywhere else). */
final class Rows {
    private Rows() {
    }

    /** The rows of {@code b}, with {@code schema}. */
    static List<Row> toRows(ColumnBatch b, StructType schema, boolean java8Api) {
        List<Row> out = new ArrayList<>(b.numRows);
        StructField[] fields = schema.fields();
        for (int r = 0; r < b.numRows; r++) {
            Object[] values = new Object[fields.length];
            for (int c = 0; c < fields.length; c++) {
                values[c] = Values.toExternal(b.columns[c].get(r), fields[c].dataType(), java8Api);
            }
            out.add(Row.withSchema(values, schema));
        }
        return out;
    }

    /** The rows of every batch. */
    static List<Row> toRows(List<ColumnBatch> batches, StructType schema, boolean java8Api) {
        List<Row> out = new ArrayList<>();
        for (ColumnBatch b : batches) {
            out.addAll(toRows(b, schema, java8Api));
        }
        return out;
    }

    /**
     * The rows of partition {@code partition} in batches of at most {@code batchSize} rows, checked
     * against {@code schema}; built on the executor that holds the partition.
     *
     * @throws IllegalArgumentException naming the partition, the row in it and the field of a value
     *     that does not fit
     */
    static List<ColumnBatch> toBatches(int partition, Iterator<Row> rows, StructType schema, ZoneId zone,
            int batchSize) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        try {
            return toBatches(all, schema, zone, batchSize);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Partition " + partition + ": " + e.getMessage(), e);
        }
    }

    /**
     * Batches of at most {@code batchSize} rows holding {@code rows}, checked against {@code schema}.
     *
     * @throws IllegalArgumentException naming the row and field of a value that does not fit
     */
    static List<ColumnBatch> toBatches(List<Row> rows, StructType schema, ZoneId zone, int batchSize) {
        List<ColumnBatch> out = new ArrayList<>();
        StructField[] fields = schema.fields();
        for (int from = 0; from < rows.size() || (from == 0 && rows.isEmpty()); from += batchSize) {
            int n = Math.min(batchSize, rows.size() - from);
            ColumnVector[] cols = new ColumnVector[fields.length];
            for (int c = 0; c < fields.length; c++) {
                cols[c] = ColumnVector.allocate(fields[c].dataType(), n);
            }
            for (int r = 0; r < n; r++) {
                Row row = rows.get(from + r);
                if (row.size() != fields.length) {
                    throw new IllegalArgumentException("Row " + (from + r) + " has " + row.size()
                            + " values but the schema has " + fields.length + " fields: " + row);
                }
                for (int c = 0; c < fields.length; c++) {
                    Object v = row.get(c);
                    DataType t = fields[c].dataType();
                    if (v == null && !fields[c].nullable()) {
                        throw new IllegalArgumentException("Row " + (from + r) + ": field " + fields[c].name()
                                + " is not nullable but the value is null");
                    }
                    try {
                        cols[c].append(Values.toInternal(v, t, zone));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Row " + (from + r) + ", field " + fields[c].name() + ": "
                                + e.getMessage(), e);
                    }
                }
            }
            out.add(new ColumnBatch(cols, n));
            if (rows.isEmpty()) {
                break;
            }
        }
        return out;
    }
}
