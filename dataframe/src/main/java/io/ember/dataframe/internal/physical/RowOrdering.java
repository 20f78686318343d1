package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.physical.spill.BatchOrdering;
import io.ember.dataframe.internal.physical.spill.PrefixIndexSort;
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
        return compareFrom(a, i, b, j, 0);
    }

    @Override
    public int compareFrom(ColumnVector[] a, int i, ColumnVector[] b, int j, int from) {
        for (int k = from; k < a.length; k++) {
            boolean ni = a[k].isNull(i);
            boolean nj = b[k].isNull(j);
            if (ni || nj) {
                if (ni && nj) {
                    continue;
                }
                return ni == nullsFirst[k] ? -1 : 1;
            }
            int c = a[k].compare(i, b[k], j);
            if (c != 0) {
                return ascending[k] ? c : -c;
            }
        }
        return 0;
    }

    /** Prefixes of key {@code key} ({@link SortPrefix}), unless its values have none. */
    @Override
    public int prefixes(ColumnVector[] keys, int key, int n, long[] out, int at) {
        if (key >= keys.length || !SortPrefix.supports(keys[key].kind)) {
            return NO_PREFIX;
        }
        return SortPrefix.fill(keys[key], ascending[key], nullsFirst[key], n, out, at) ? EXACT_PREFIX : PREFIX;
    }

    /** The permutation that sorts the rows of {@code keys} (stable), by prefixes first ({@link SortPrefix}). */
    int[] sortedIndex(ColumnVector[] keys, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        long[] prefix = new long[n];
        prefixes(keys, 0, n, prefix, 0); // without prefixes all stay 0: every comparison is a full one
        PrefixIndexSort.sort(idx, prefix, n, (x, y) -> {
            int c = compare(keys, x, keys, y);
            return c != 0 ? c : Integer.compare(x, y);
        });
        return idx;
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
