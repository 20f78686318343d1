package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The cutoff of a top-N ({@link TakeOrderedAndProjectExec}) within one task: the first sort key's
 * value in the worst row it keeps, once it keeps {@code n} rows. A row whose first key sorts
 * strictly after that value can never enter the top-N (a row enters only by beating the worst
 * kept row), so the scan below the top-N can drop it before decoding its other columns
 * ({@link TopNBoundFilter}). Ties on the first key pass: the later keys decide them.
 *
 * <p>Owned by the task that deserialized it: its top-N tightens the bound between batches and its
 * scan reads it. The value is volatile because a scan may read ahead on another thread, and
 * transient because it belongs to one run: every task starts with no bound, so every row passes.
 */
final class TopNBound implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SortOrder firstKey;
    private final RowOrdering ordering;
    /** One row: the first key of the worst kept row; null while fewer than n rows are kept. */
    private transient volatile ColumnVector worst;

    /** A bound on {@code firstKey}, the first of a top-N's sort orders. */
    TopNBound(SortOrder firstKey) {
        this.firstKey = firstKey;
        // Compares key values already evaluated; the key expression itself is never evaluated here.
        this.ordering = new RowOrdering(new Expression[] {firstKey.child()}, List.of(firstKey));
    }

    SortOrder firstKey() {
        return firstKey;
    }

    /**
     * Tightens the bound to row {@code row} of {@code keys} (the first key of the worst kept row),
     * unless the bound already is at least as tight.
     */
    synchronized void tighten(ColumnVector keys, int row) {
        ColumnVector current = worst;
        if (current == null
                || ordering.compare(new ColumnVector[] {keys}, row, new ColumnVector[] {current}, 0) < 0) {
            worst = keys.select(new int[] {row}, 1);
        }
    }

    /**
     * Marks in {@code pass} the rows of {@code keys} that may still enter the top-N: all of them
     * while there is no bound.
     */
    void mayEnter(ColumnVector keys, int n, boolean[] pass) {
        ColumnVector bound = worst;
        if (bound == null) {
            Arrays.fill(pass, 0, n, true);
            return;
        }
        if (!bound.isNull(0) && keys.kind == bound.kind && compareValues(keys, n, bound, pass)) {
            boolean[] nulls = keys.nulls;
            if (nulls != null) {
                for (int i = 0; i < n; i++) {
                    if (nulls[i]) {
                        pass[i] = firstKey.nullsFirst();
                    }
                }
            }
            return;
        }
        ColumnVector[] values = {keys};
        ColumnVector[] cutoff = {bound};
        for (int i = 0; i < n; i++) {
            pass[i] = ordering.compare(values, i, cutoff, 0) <= 0;
        }
    }

    /**
     * The primitive loops of {@link #mayEnter} for a non-null bound of {@code keys}' layout,
     * ignoring nulls; false for a layout without one.
     */
    private boolean compareValues(ColumnVector keys, int n, ColumnVector bound, boolean[] pass) {
        boolean ascending = firstKey.ascending();
        if (keys.kind == ColumnVector.DOUBLE) {
            double b = bound.doubles[0];
            double[] v = keys.doubles;
            for (int i = 0; i < n; i++) {
                int c = Double.compare(v[i], b);
                pass[i] = ascending ? c <= 0 : c >= 0;
            }
            return true;
        }
        if (keys.kind == ColumnVector.LONG || keys.kind == ColumnVector.DECIMAL && keys.scale() == bound.scale()) {
            long b = bound.longs[0];
            long[] v = keys.longs;
            for (int i = 0; i < n; i++) {
                pass[i] = ascending ? v[i] <= b : v[i] >= b;
            }
            return true;
        }
        if (keys.kind == ColumnVector.INT) {
            int b = bound.ints[0];
            int[] v = keys.ints;
            for (int i = 0; i < n; i++) {
                pass[i] = ascending ? v[i] <= b : v[i] >= b;
            }
            return true;
        }
        return false;
    }
}
