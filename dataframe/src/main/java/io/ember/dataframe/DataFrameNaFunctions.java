package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Handling of missing values ({@code df.na()}), as Spark's {@code DataFrameNaFunctions}. */
public final class DataFrameNaFunctions {
    private final DataFrame df;

    DataFrameNaFunctions(DataFrame df) {
        this.df = df;
    }

    /** Without the rows that have a null in any column. */
    public DataFrame drop() {
        return drop("any");
    }

    /** Without the rows that have a null in any column ({@code "any"}) or only nulls ({@code "all"}). */
    public DataFrame drop(String how) {
        return drop(how, df.columns());
    }

    /** Without the rows that have a null in any of {@code cols}. */
    public DataFrame drop(String[] cols) {
        return drop("any", cols);
    }

    /**
     * Without the rows that have a null in any ({@code "any"}) or all ({@code "all"}) of {@code cols}.
     *
     * @throws IllegalArgumentException if {@code how} is neither
     */
    public DataFrame drop(String how, String[] cols) {
        String h = how.toLowerCase(Locale.ROOT);
        if (!h.equals("any") && !h.equals("all")) {
            throw new IllegalArgumentException("how (" + how + ") must be 'any' or 'all'");
        }
        return drop(h.equals("any") ? cols.length : 1, cols);
    }

    /** Without the rows that have fewer than {@code minNonNulls} non-null values in {@code cols}. */
    public DataFrame drop(int minNonNulls, String[] cols) {
        if (cols.length == 0) {
            return df;
        }
        Column nonNulls = null;
        for (String c : cols) {
            Column one = Functions.when(df.col(c).isNotNull(), 1).otherwise(0);
            nonNulls = nonNulls == null ? one : nonNulls.plus(one);
        }
        return df.filter(nonNulls.geq(minNonNulls));
    }

    /** Nulls in numeric columns replaced by {@code value}. */
    public DataFrame fill(double value) {
        return fill(value, df.columns());
    }

    /** Nulls in numeric columns replaced by {@code value}. */
    public DataFrame fill(long value) {
        return fill((Object) value, df.columns());
    }

    /** Nulls in string columns replaced by {@code value}. */
    public DataFrame fill(String value) {
        return fill(value, df.columns());
    }

    /** Nulls in boolean columns replaced by {@code value}. */
    public DataFrame fill(boolean value) {
        return fill((Object) value, df.columns());
    }

    /** Nulls of {@code cols} replaced by {@code value} where the type fits. */
    public DataFrame fill(double value, String[] cols) {
        return fill((Object) value, cols);
    }

    /** Nulls of {@code cols} replaced by {@code value} where the type fits. */
    public DataFrame fill(String value, String[] cols) {
        return fill((Object) value, cols);
    }

    /** Nulls replaced per column: column name to value. */
    public DataFrame fill(Map<String, Object> valueMap) {
        DataFrame out = df;
        for (Map.Entry<String, Object> e : valueMap.entrySet()) {
            out = new DataFrameNaFunctions(out).fill(e.getValue(), new String[] {e.getKey()});
        }
        return out;
    }

    private DataFrame fill(Object value, String[] cols) {
        List<String> targets = Arrays.asList(cols);
        List<Column> out = new ArrayList<>();
        for (StructField f : df.schema()) {
            Column c = df.col(f.name());
            if (targets.contains(f.name()) && fits(value, f.dataType())) {
                out.add(Functions.coalesce(c, Functions.lit(value).cast(f.dataType())).as(f.name()));
            } else {
                out.add(c);
            }
        }
        return df.select(out.toArray(new Column[0]));
    }

    /**
     * Values of column {@code col} ({@code "*"}: every column) replaced by {@code replacement}'s
     * (old value to new value, the new one possibly null), as Spark's {@code na().replace}: the
     * map's values must all be numbers, all strings or all booleans (nulls aside), and only the
     * columns of that kind are changed.
     *
     * @throws IllegalArgumentException if the map mixes kinds of values or holds another kind
     */
    public <T> DataFrame replace(String col, Map<T, T> replacement) {
        return replace(col.equals("*") ? df.columns() : new String[] {col}, replacement);
    }

    /** {@link #replace(String, Map)} on the columns {@code cols}. */
    public <T> DataFrame replace(String[] cols, Map<T, T> replacement) {
        if (replacement.isEmpty()) {
            return df;
        }
        Class<?> kind = null;
        for (Map.Entry<T, T> e : replacement.entrySet()) {
            for (Object v : Arrays.asList(e.getKey(), e.getValue())) {
                if (v == null) {
                    continue;
                }
                Class<?> k = v instanceof Number ? Number.class : v instanceof String ? String.class
                        : v instanceof Boolean ? Boolean.class : null;
                if (k == null) {
                    throw new IllegalArgumentException("Unsupported value type " + v.getClass().getName() + " ("
                            + v + ") in na().replace: use numbers, strings or booleans");
                }
                if (kind != null && kind != k) {
                    throw new IllegalArgumentException("Mixed type replacements are not supported: " + replacement);
                }
                kind = k;
            }
        }
        Object sample = kind == Number.class ? 0 : kind == String.class ? "" : Boolean.FALSE;
        List<String> targets = Arrays.asList(cols);
        List<Column> out = new ArrayList<>();
        for (StructField f : df.schema()) {
            Column c = df.col(f.name());
            if (targets.contains(f.name()) && fits(sample, f.dataType())) {
                Column replaced = null;
                for (Map.Entry<T, T> e : replacement.entrySet()) {
                    Column test = e.getKey() == null ? c.isNull() : c.equalTo(Functions.lit(e.getKey()));
                    Column to = Functions.lit(e.getValue()).cast(f.dataType());
                    replaced = replaced == null ? Functions.when(test, to) : replaced.when(test, to);
                }
                out.add(replaced.otherwise(c).as(f.name()));
            } else {
                out.add(c);
            }
        }
        for (String t : cols) {
            df.col(t);
        }
        return df.select(out.toArray(new Column[0]));
    }

    private static boolean fits(Object value, DataType t) {
        if (value instanceof String) {
            return t instanceof StringType;
        }
        if (value instanceof Boolean) {
            return t instanceof BooleanType;
        }
        return Cast.isNumeric(t);
    }
}
