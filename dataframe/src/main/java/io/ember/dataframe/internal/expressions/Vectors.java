package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;

/** Small helpers for vectorized evaluation. */
public final class Vectors {
    private Vectors() {
    }

    /** The union of two null masks over {@code n} rows (null when neither has nulls). */
    public static boolean[] unionNulls(ColumnVector a, ColumnVector b, int n) {
        if (a.nulls == null && b.nulls == null) {
            return null;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = a.isNull(i) || b.isNull(i);
        }
        return out;
    }

    /** A copy of a null mask (null stays null). */
    public static boolean[] copyNulls(ColumnVector a, int n) {
        if (a.nulls == null) {
            return null;
        }
        boolean[] out = new boolean[n];
        System.arraycopy(a.nulls, 0, out, 0, n);
        return out;
    }

    /** Evaluates {@code f} row by row on boxed internal values; null in, null out when {@code nullIntolerant}. */
    public static ColumnVector rowwise(DataType out, ColumnVector[] args, int n, boolean nullIntolerant, RowFunction f) {
        ColumnVector result = ColumnVector.allocate(out, n);
        Object[] values = new Object[args.length];
        for (int i = 0; i < n; i++) {
            boolean anyNull = false;
            for (int a = 0; a < args.length; a++) {
                Object v = args[a].get(i);
                values[a] = v;
                anyNull |= v == null;
            }
            result.append(anyNull && nullIntolerant ? null : f.apply(values));
        }
        return result;
    }

    /** A function of boxed internal values. */
    @FunctionalInterface
    public interface RowFunction {
        /** The result for one row's argument values. */
        Object apply(Object[] args);
    }
}
