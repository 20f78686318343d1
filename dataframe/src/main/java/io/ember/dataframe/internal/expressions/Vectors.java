package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;

/** Small helpers for vectorized evaluation. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Three-valued {@code AND} ({@code dominant} false) or {@code OR} ({@code dominant} true) of
     * two boolean vectors: a non-null {@code dominant} on either side decides the row, else a
     * null on either side makes it null, else it is {@code !dominant}. Inputs without nulls take
     * a loop without null checks.
     */
    public static ColumnVector threeValued(ColumnVector a, ColumnVector b, int n, boolean dominant) {
        boolean[] out = new boolean[n];
        if (!a.mayHaveNulls() && !b.mayHaveNulls()) {
            boolean[] x = a.booleans, y = b.booleans;
            if (dominant) {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] | y[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] & y[i];
                }
            }
            return ColumnVector.ofBooleans(DataTypes.BooleanType, out, null, n);
        }
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            boolean an = a.isNull(i), bn = b.isNull(i);
            if ((!an && a.booleans[i] == dominant) || (!bn && b.booleans[i] == dominant)) {
                out[i] = dominant;
            } else if (an || bn) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            } else {
                out[i] = !dominant;
            }
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, nulls, n);
    }

    /** Which rows are null in {@code a} or {@code b}; null when none is. */
    public static boolean[] unionNulls(ColumnVector a, ColumnVector b, int n) {
        if (a.nulls == null && b.nulls == null) {
            return null;
        }
        boolean[] out = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            out[i] = a.isNull(i) || b.isNull(i);
            any |= out[i];
        }
        return any ? out : null;
    }

    /** {@code nulls} (made if null, for {@code n} rows) with row {@code i} marked null. */
    public static boolean[] setNull(boolean[] nulls, int i, int n) {
        boolean[] out = nulls == null ? new boolean[n] : nulls;
        out[i] = true;
        return out;
    }

    /**
     * A copy of a null mask; null when no value is null (a decoder's mask of a column without
     * nulls), so that the operators downstream take their loops without null checks.
     */
    public static boolean[] copyNulls(ColumnVector a, int n) {
        if (a.nulls == null) {
            return null;
        }
        boolean[] out = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            out[i] = a.nulls[i];
            any |= out[i];
        }
        return any ? out : null;
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
