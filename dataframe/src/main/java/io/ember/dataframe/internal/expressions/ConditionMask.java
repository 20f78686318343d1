package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which rows of a batch a condition holds on (true: not false, not null), as filters need it.
 *
 * <p>Design notes. A deterministic condition on one column whose vector holds dictionary entries
 * ({@link ColumnVector#hasDictionary}) is evaluated once per dictionary entry and once for null,
 * and each row takes its entry's answer by id: {@code p_type LIKE '%BRASS'} over 4,096 rows of a
 * 150-entry dictionary matches 150 strings, not 4,096. The answer of a row depends only on its
 * value, so this gives the rows a row-by-row evaluation gives. It applies when the dictionary has
 * at most half as many entries as the batch has rows; otherwise the condition is evaluated on the
 * rows.
 */
public final class ConditionMask {
    private ConditionMask() {
    }

    /** For each row of {@code batch}, whether {@code condition} (bound to the batch) is true on it. */
    public static boolean[] of(Expression condition, ColumnBatch batch) {
        int n = batch.numRows;
        int column = soleDictionaryColumn(condition, batch);
        if (column >= 0) {
            return byDictionary(condition, batch, column);
        }
        return truths(condition.eval(batch), n);
    }

    private static boolean[] truths(ColumnVector v, int n) {
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = !v.isNull(i) && v.booleans[i];
        }
        return keep;
    }

    /** The one column {@code condition} reads if it holds dictionary entries worth evaluating instead; else -1. */
    private static int soleDictionaryColumn(Expression condition, ColumnBatch batch) {
        if (!condition.deterministic()) {
            return -1;
        }
        int column = -1;
        Deque<Expression> toVisit = new ArrayDeque<>();
        toVisit.push(condition);
        while (!toVisit.isEmpty()) {
            Expression e = toVisit.pop();
            if (e instanceof BoundReference r) {
                if (column >= 0 && column != r.ordinal()) {
                    return -1;
                }
                column = r.ordinal();
            } else if (e instanceof SubqueryExpression) {
                return -1;
            }
            e.children().forEach(toVisit::push);
        }
        if (column < 0) {
            return -1;
        }
        ColumnVector v = batch.columns[column];
        return v.hasDictionary() && 2L * v.dictionary.size <= batch.numRows ? column : -1;
    }

    private static boolean[] byDictionary(Expression condition, ColumnBatch batch, int column) {
        ColumnVector v = batch.columns[column];
        ColumnVector entries = v.dictionary;
        boolean[] entryKept = truths(condition.eval(withColumn(batch, column, entries, entries.size)), entries.size);
        ColumnVector nullValue = ColumnVector.allocate(v.type, 1);
        nullValue.appendNull();
        boolean nullKept = truths(condition.eval(withColumn(batch, column, nullValue, 1)), 1)[0];
        int n = batch.numRows;
        int[] ids = v.dictionaryIds;
        boolean[] nulls = v.mayHaveNulls() ? v.nulls : null;
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = nulls != null && nulls[i] ? nullKept : entryKept[ids[i]];
        }
        return keep;
    }

    /** {@code batch} with column {@code column} replaced by {@code values}, as a batch of {@code rows} rows (the other columns are not read). */
    private static ColumnBatch withColumn(ColumnBatch batch, int column, ColumnVector values, int rows) {
        ColumnVector[] columns = batch.columns.clone();
        columns[column] = values;
        return new ColumnBatch(columns, rows);
    }
}
