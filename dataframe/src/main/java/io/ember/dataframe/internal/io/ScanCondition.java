package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import java.io.Serializable;

/**
 * A condition a scan evaluates itself, so that it returns only the rows where it is true: the
 * columns it reads ({@code columns}, positions among the scan's required columns, ascending)
 * and the condition, bound to those columns in that order. A scan that can reads these columns
 * first and decodes the others only for the rows that pass (late materialization).
 */
public record ScanCondition(Expression condition, int[] columns) implements Serializable {

    /**
     * Evaluates the condition over {@code values} (a batch of {@link #columns} only), writes the
     * rows where it is true (not false, not null) to {@code selected} in ascending order and
     * returns how many there are.
     */
    public int select(ColumnBatch values, int[] selected) {
        ColumnVector v = condition.eval(values);
        int count = 0;
        for (int i = 0; i < values.numRows; i++) {
            if (!v.isNull(i) && v.booleans[i]) {
                selected[count++] = i;
            }
        }
        return count;
    }

    /** The rows of {@code batch} (of every required column) where the condition is true. */
    public ColumnBatch filter(ColumnBatch batch) {
        int[] selected = new int[batch.numRows];
        int count = select(batch.project(columns), selected);
        return count == batch.numRows ? batch : batch.select(selected, count);
    }
}
