package io.ember.dataframe.internal.batch;

import io.ember.dataframe.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of rows stored as columns: the unit operators pass to each other, and what travels
 * through shuffles (Kryo-friendly: an array of {@link ColumnVector}s and a row count). A batch
 * may have no columns and still count rows ({@code count()} over a pruned scan).
 */
public final class ColumnBatch implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many rows operators put in one batch unless configured otherwise. */
    public static final int DEFAULT_SIZE = 4096;

    public ColumnVector[] columns;
    public int numRows;

    private ColumnBatch() {
        // for Kryo
    }

    /** A batch of {@code numRows} rows in {@code columns} (each of at least that size). */
    public ColumnBatch(ColumnVector[] columns, int numRows) {
        this.columns = columns;
        this.numRows = numRows;
    }

    /** An empty batch of the given column types. */
    public static ColumnBatch empty(List<DataType> types) {
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = ColumnVector.allocate(types.get(i), 0);
        }
        return new ColumnBatch(cols, 0);
    }

    /** Column {@code i}. */
    public ColumnVector column(int i) {
        return columns[i];
    }

    /** The number of columns. */
    public int numColumns() {
        return columns.length;
    }

    /** The rows at {@code idx[0..n)} (an index of -1 gives nulls). */
    public ColumnBatch select(int[] idx, int n) {
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns[c].select(idx, n);
        }
        return new ColumnBatch(out, n);
    }

    /** The rows whose {@code keep} flag is set. */
    public ColumnBatch filter(boolean[] keep) {
        int count = 0;
        for (int i = 0; i < numRows; i++) {
            if (keep[i]) {
                count++;
            }
        }
        if (count == numRows) {
            return this;
        }
        int[] idx = new int[count];
        int k = 0;
        for (int i = 0; i < numRows; i++) {
            if (keep[i]) {
                idx[k++] = i;
            }
        }
        return select(idx, count);
    }

    /** Rows {@code [from, to)}. */
    public ColumnBatch slice(int from, int to) {
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns[c].slice(from, to);
        }
        return new ColumnBatch(out, to - from);
    }

    /** The first {@code n} rows. */
    public ColumnBatch limit(int n) {
        return n >= numRows ? this : slice(0, n);
    }

    /** Columns {@code ordinals}, in that order. */
    public ColumnBatch project(int[] ordinals) {
        ColumnVector[] out = new ColumnVector[ordinals.length];
        for (int c = 0; c < ordinals.length; c++) {
            out[c] = columns[ordinals[c]];
        }
        return new ColumnBatch(out, numRows);
    }

    /** The columns of {@code this} followed by those of {@code other} (same row count). */
    public ColumnBatch appendColumns(ColumnBatch other) {
        ColumnVector[] out = new ColumnVector[columns.length + other.columns.length];
        System.arraycopy(columns, 0, out, 0, columns.length);
        System.arraycopy(other.columns, 0, out, columns.length, other.columns.length);
        return new ColumnBatch(out, numRows);
    }

    /** The rows of {@code batches}, one after the other, as one batch of the given types. */
    public static ColumnBatch concat(List<DataType> types, List<ColumnBatch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int rows = 0;
        for (ColumnBatch b : batches) {
            rows += b.numRows;
        }
        ColumnVector[] out = new ColumnVector[types.size()];
        for (int c = 0; c < out.length; c++) {
            List<ColumnVector> parts = new ArrayList<>(batches.size());
            for (ColumnBatch b : batches) {
                parts.add(b.columns[c]);
            }
            out[c] = ColumnVector.concat(types.get(c), parts);
        }
        return new ColumnBatch(out, rows);
    }

    /** A rough size in bytes. */
    public long estimatedBytes() {
        long bytes = 0;
        for (ColumnVector c : columns) {
            bytes += c.estimatedBytes();
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "ColumnBatch(" + numRows + " rows, " + columns.length + " columns)";
    }
}
