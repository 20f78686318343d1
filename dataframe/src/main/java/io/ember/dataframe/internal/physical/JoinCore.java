package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;

/**
 * What every join operator does once it has candidate pairs of rows (equal keys, or all pairs):
 * applies the rest of the condition to the pairs, then builds the output the join type asks for
 * (pairs, unmatched rows padded with nulls, or the left rows that matched or did not).
 */
final class JoinCore {
    private JoinCore() {
    }

    static ColumnBatch join(ColumnBatch left, ColumnBatch right, int[] li, int[] ri, int m, JoinType type,
                            Expression residual) {
        m = keepMatching(left, right, li, ri, m, residual);
        return assemble(left, right, li, ri, m, type);
    }

    /**
     * Keeps, at the front of {@code li} and {@code ri}, the pairs for which {@code residual}
     * holds (all of them if it is null); returns how many.
     */
    static int keepMatching(ColumnBatch left, ColumnBatch right, int[] li, int[] ri, int m, Expression residual) {
        if (residual == null || m == 0) {
            return m;
        }
        ColumnBatch pairs = left.select(li, m).appendColumns(right.select(ri, m));
        ColumnVector keep = residual.eval(pairs);
        int k = 0;
        for (int p = 0; p < m; p++) {
            if (!keep.isNull(p) && keep.booleans[p]) {
                li[k] = li[p];
                ri[k] = ri[p];
                k++;
            }
        }
        return k;
    }

    /** The output of {@code type} for the matching pairs {@code li[0..m)}, {@code ri[0..m)}. */
    static ColumnBatch assemble(ColumnBatch left, ColumnBatch right, int[] li, int[] ri, int m, JoinType type) {
        switch (type) {
            case INNER, CROSS:
                return left.select(li, m).appendColumns(right.select(ri, m));
            case LEFT_SEMI, LEFT_ANTI: {
                boolean[] matched = new boolean[left.numRows];
                for (int p = 0; p < m; p++) {
                    matched[li[p]] = true;
                }
                if (type == JoinType.LEFT_ANTI) {
                    for (int r = 0; r < matched.length; r++) {
                        matched[r] = !matched[r];
                    }
                }
                return left.filter(matched);
            }
            default: {
                boolean keepLeft = type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER;
                boolean keepRight = type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
                boolean[] lm = new boolean[left.numRows];
                boolean[] rm = new boolean[right.numRows];
                for (int p = 0; p < m; p++) {
                    lm[li[p]] = true;
                    rm[ri[p]] = true;
                }
                int extra = 0;
                if (keepLeft) {
                    for (boolean b : lm) {
                        extra += b ? 0 : 1;
                    }
                }
                if (keepRight) {
                    for (boolean b : rm) {
                        extra += b ? 0 : 1;
                    }
                }
                int total = m + extra;
                int[] l = new int[total];
                int[] r = new int[total];
                System.arraycopy(li, 0, l, 0, m);
                System.arraycopy(ri, 0, r, 0, m);
                int k = m;
                if (keepLeft) {
                    for (int i = 0; i < lm.length; i++) {
                        if (!lm[i]) {
                            l[k] = i;
                            r[k] = -1;
                            k++;
                        }
                    }
                }
                if (keepRight) {
                    for (int i = 0; i < rm.length; i++) {
                        if (!rm[i]) {
                            l[k] = -1;
                            r[k] = i;
                            k++;
                        }
                    }
                }
                return left.select(l, total).appendColumns(right.select(r, total));
            }
        }
    }
}
