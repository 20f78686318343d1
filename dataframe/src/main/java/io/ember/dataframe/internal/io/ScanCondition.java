package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.ConditionMask;
import io.ember.dataframe.internal.expressions.Expression;
import java.io.Serializable;
import java.util.List;

/**
 * Conditions a scan evaluates itself, so that it returns only the rows where all are true, in
 * stages: each stage's condition reads its own columns and sees only the rows the stages before it
 * kept. A scan that can reads a stage's columns only for those rows (late materialization), so a
 * selective first condition spares decoding the columns of the later ones as well as the rest.
 *
 * @param stages the conditions in the order they are evaluated (at least one)
 */
public record ScanCondition(List<Stage> stages) implements Serializable {

    /**
     * One condition and the columns it reads ({@code columns}, positions among the scan's required
     * columns, ascending), bound to those columns in that order.
     */
    public record Stage(Expression condition, int[] columns) implements Serializable {

        /**
         * Evaluates the condition over {@code values} (a batch of {@link #columns} only), writes
         * the rows where it is true (not false, not null) to {@code selected} in ascending order
         * and returns how many there are.
         */
        public int select(ColumnBatch values, int[] selected) {
            boolean[] kept = ConditionMask.of(condition, values);
            int count = 0;
            for (int i = 0; i < values.numRows; i++) {
                if (kept[i]) {
                    selected[count++] = i;
                }
            }
            return count;
        }
    }

    public ScanCondition {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a scan condition needs at least one stage");
        }
    }

    /** The rows of {@code batch} (of every required column) where every stage is true. */
    public ColumnBatch filter(ColumnBatch batch) {
        ColumnBatch kept = batch;
        for (Stage s : stages) {
            int[] selected = new int[kept.numRows];
            int count = s.select(kept.project(s.columns()), selected);
            if (count < kept.numRows) {
                kept = kept.select(selected, count);
            }
        }
        return kept;
    }
}
