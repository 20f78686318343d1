package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.Int128;

/**
 * The loops of a comparison of whole numbers (ints, dates, longs, timestamps, decimals of one
 * scale as unscaled longs or 128-bit values): one loop per operator, so that the operator is
 * chosen once per batch rather than once per row, and against a constant without a vector of
 * copies of it. Results are written for every row; the caller's null mask says which of them
 * count. The int and long versions, and the column and constant versions, are deliberate
 * specialisations: generics do not reach primitive arrays, and a shared loop with a per-row call
 * would be the slow path again.
 */
final class CompareKernels {
    private CompareKernels() {
    }

    static void longs(CmpOp op, long[] x, long[] y, boolean[] out, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] == y[i]; } }
            case NEQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] != y[i]; } }
            case LT -> { for (int i = 0; i < n; i++) { out[i] = x[i] < y[i]; } }
            case LE -> { for (int i = 0; i < n; i++) { out[i] = x[i] <= y[i]; } }
            case GT -> { for (int i = 0; i < n; i++) { out[i] = x[i] > y[i]; } }
            case GE -> { for (int i = 0; i < n; i++) { out[i] = x[i] >= y[i]; } }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    static void longs(CmpOp op, long[] x, long c, boolean[] out, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] == c; } }
            case NEQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] != c; } }
            case LT -> { for (int i = 0; i < n; i++) { out[i] = x[i] < c; } }
            case LE -> { for (int i = 0; i < n; i++) { out[i] = x[i] <= c; } }
            case GT -> { for (int i = 0; i < n; i++) { out[i] = x[i] > c; } }
            case GE -> { for (int i = 0; i < n; i++) { out[i] = x[i] >= c; } }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    static void ints(CmpOp op, int[] x, int[] y, boolean[] out, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] == y[i]; } }
            case NEQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] != y[i]; } }
            case LT -> { for (int i = 0; i < n; i++) { out[i] = x[i] < y[i]; } }
            case LE -> { for (int i = 0; i < n; i++) { out[i] = x[i] <= y[i]; } }
            case GT -> { for (int i = 0; i < n; i++) { out[i] = x[i] > y[i]; } }
            case GE -> { for (int i = 0; i < n; i++) { out[i] = x[i] >= y[i]; } }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    static void ints(CmpOp op, int[] x, int c, boolean[] out, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] == c; } }
            case NEQ -> { for (int i = 0; i < n; i++) { out[i] = x[i] != c; } }
            case LT -> { for (int i = 0; i < n; i++) { out[i] = x[i] < c; } }
            case LE -> { for (int i = 0; i < n; i++) { out[i] = x[i] <= c; } }
            case GT -> { for (int i = 0; i < n; i++) { out[i] = x[i] > c; } }
            case GE -> { for (int i = 0; i < n; i++) { out[i] = x[i] >= c; } }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    /**
     * Unscaled 128-bit values ({@link Int128}) of one scale: equality on both words, order by
     * the signed high words and then the unsigned low ones.
     */
    static void int128(CmpOp op, long[] xHi, long[] xLo, long[] yHi, long[] yLo, boolean[] out, int n) {
        if (op == CmpOp.EQ || op == CmpOp.NEQ) {
            boolean eq = op == CmpOp.EQ;
            for (int i = 0; i < n; i++) {
                out[i] = (xHi[i] == yHi[i] && xLo[i] == yLo[i]) == eq;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = op.test(Int128.compare(xHi[i], xLo[i], yHi[i], yLo[i]));
        }
    }
}
