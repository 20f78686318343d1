package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.physical.spill.BatchOrdering;
import java.util.Arrays;
import java.util.List;

/** Compares rows by sort keys (already evaluated into columns), honouring direction and null order. */
final class RowOrdering implements BatchOrdering {
    private static final long serialVersionUID = 1L;

    final Expression[] keys;
    final boolean[] ascending;
    final boolean[] nullsFirst;

    RowOrdering(Expression[] boundKeys, List<SortOrder> order) {
        this.keys = boundKeys;
        this.ascending = new boolean[order.size()];
        this.nullsFirst = new boolean[order.size()];
        for (int i = 0; i < order.size(); i++) {
            ascending[i] = order.get(i).ascending();
            nullsFirst[i] = order.get(i).nullsFirst();
        }
    }

    /** The key columns of {@code b}. */
    @Override
    public ColumnVector[] evalKeys(ColumnBatch b) {
        ColumnVector[] out = new ColumnVector[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i].eval(b);
        }
        return out;
    }

    /** Compares row {@code i} of keys {@code a} with row {@code j} of keys {@code b}. */
    @Override
    public int compare(ColumnVector[] a, int i, ColumnVector[] b, int j) {
        for (int k = 0; k < a.length; k++) {
            boolean ni = a[k].isNull(i);
            boolean nj = b[k].isNull(j);
            int c;
            if (ni || nj) {
                if (ni && nj) {
                    continue;
                }
                c = ni == nullsFirst[k] ? -1 : 1;
                return c;
            }
            c = a[k].compare(i, b[k], j);
            if (c != 0) {
                return ascending[k] ? c : -c;
            }
        }
        return 0;
    }

    /**
     * The permutation that sorts the rows of {@code keys} (stable): by packed longs when the keys
     * are whole numbers that fit ({@link PackedSortKeys}), else by comparing rows.
     */
    int[] sortedIndex(ColumnVector[] keys, int n) {
        int[] packed = PackedSortKeys.sortedIndex(keys, n, ascending, nullsFirst);
        if (packed != null) {
            return packed;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> compare(keys, x, keys, y));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** {@code b} sorted. */
    @Override
    public ColumnBatch sort(ColumnBatch b) {
        if (b.numRows <= 1) {
            return b;
        }
        return b.select(sortedIndex(evalKeys(b), b.numRows), b.numRows);
    }
}
