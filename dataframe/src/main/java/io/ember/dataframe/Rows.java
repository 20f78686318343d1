package io.ember.dataframe;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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
     * against {@code schema}; built on the executor that holds the partition, one batch at a time
     * as the iterator is read (an empty partition gives one empty batch).
     *
     * @throws IllegalArgumentException naming the partition, the row in it and the field of a value
     *     that does not fit
     */
    static Iterator<ColumnBatch> toBatches(int partition, Iterator<Row> rows, StructType schema, ZoneId zone,
            int batchSize) {
        return new Iterator<>() {
            private int firstRow;
            private boolean emitted;

            @Override
            public boolean hasNext() {
                return rows.hasNext() || !emitted;
            }

            @Override
            public ColumnBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Row> chunk = new ArrayList<>(batchSize);
                while (chunk.size() < batchSize && rows.hasNext()) {
                    chunk.add(rows.next());
                }
                try {
                    return toBatch(chunk, firstRow, schema, zone);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Partition " + partition + ": " + e.getMessage(), e);
                } finally {
                    firstRow += chunk.size();
                    emitted = true;
                }
            }
        };
    }

    /**
     * Batches of at most {@code batchSize} rows holding {@code rows}, checked against {@code schema}.
     *
     * @throws IllegalArgumentException naming the row and field of a value that does not fit
     */
    static List<ColumnBatch> toBatches(List<Row> rows, StructType schema, ZoneId zone, int batchSize) {
        List<ColumnBatch> out = new ArrayList<>();
        int from = 0;
        do {
            int n = Math.min(batchSize, rows.size() - from);
            out.add(toBatch(rows.subList(from, from + n), from, schema, zone));
            from += n;
        } while (from < rows.size());
        return out;
    }

    /** One batch of {@code rows}, the first of which is row {@code firstRow} in error messages. */
    private static ColumnBatch toBatch(List<Row> rows, int firstRow, StructType schema, ZoneId zone) {
        StructField[] fields = schema.fields();
        int n = rows.size();
        ColumnVector[] cols = new ColumnVector[fields.length];
        for (int c = 0; c < fields.length; c++) {
            cols[c] = ColumnVector.allocate(fields[c].dataType(), n);
        }
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            int number = firstRow + r;
            if (row.size() != fields.length) {
                throw new IllegalArgumentException("Row " + number + " has " + row.size()
                        + " values but the schema has " + fields.length + " fields: " + row);
            }
            for (int c = 0; c < fields.length; c++) {
                Object v = row.get(c);
                DataType t = fields[c].dataType();
                if (v == null && !fields[c].nullable()) {
                    throw new IllegalArgumentException("Row " + number + ": field " + fields[c].name()
                            + " is not nullable but the value is null");
                }
                try {
                    cols[c].append(Values.toInternal(v, t, zone));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Row " + number + ", field " + fields[c].name() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return new ColumnBatch(cols, n);
    }
}
