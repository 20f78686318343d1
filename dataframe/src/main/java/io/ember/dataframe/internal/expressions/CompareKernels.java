package io.ember.dataframe.internal.expressions;

/**
 * The loops of a comparison of whole numbers (ints, dates, longs, timestamps, decimals of one
 * scale as unscaled longs): one loop per operator, so that the operator is chosen once per batch
 * rather than once per row, and against a constant without a vector of copies of it. Results are
 * written for every row; the caller's null mask says which of them count. The int and long
 * versions, and the column and constant versions, are deliberate specialisations: generics do not
 * reach primitive arrays, and a shared loop with a per-row call would be the slow path again.
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
}
