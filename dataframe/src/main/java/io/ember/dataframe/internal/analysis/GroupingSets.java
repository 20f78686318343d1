package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Grouping;
import io.ember.dataframe.internal.expressions.GroupingBit;
import io.ember.dataframe.internal.expressions.GroupingId;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Expand;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Aggregation over grouping sets ({@code GROUPING SETS}, {@code ROLLUP}, {@code CUBE}), shared by
 * the SQL and DataFrame front ends, planned as Spark plans it: an {@link Expand} replicates each
 * input row once per grouping set, the grouping columns outside the set NULL and a grouping-id
 * column ({@code spark_grouping_id}, one bit per grouping column, set when the column is rolled
 * up) added, and an ordinary {@link Aggregate} groups by the expanded grouping columns and the
 * grouping id. Aggregate functions read the original columns, which the expansion carries along
 * unchanged; {@code grouping(c)} and {@code grouping_id()} become bits of the grouping id.
 *
 * <p>As in Spark, over empty input the result is empty, even for the empty grouping set (the
 * aggregate groups by the grouping id, so no row means no group); SQL databases such as DuckDB
 * and PostgreSQL return one grand-total row there instead.
 */
public final class GroupingSets {
    /** Spark's limit: the grouping id is a {@code bigint} with one bit per grouping column. */
    private static final int MAX_GROUPING_COLUMNS = 63;

    private GroupingSets() {
    }

    /**
     * {@code ROLLUP(u1, ..., un)}: the sets {@code (u1..un), (u1..un-1), ..., ()}, where each unit
     * is a column or a composite of columns ({@code ROLLUP((a, b), c)}) rolled up together.
     */
    public static List<List<Expression>> rollup(List<List<Expression>> units) {
        List<List<Expression>> sets = new ArrayList<>();
        for (int end = units.size(); end >= 0; end--) {
            sets.add(flatten(units.subList(0, end)));
        }
        return sets;
    }

    /** {@code CUBE(u1, ..., un)}: every subset of the units, in Spark's order (all first, {@code ()} last). */
    public static List<List<Expression>> cube(List<List<Expression>> units) {
        if (units.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Expression>> rest = cube(units.subList(1, units.size()));
        List<List<Expression>> sets = new ArrayList<>();
        for (List<Expression> r : rest) {
            List<Expression> with = new ArrayList<>(units.get(0));
            with.addAll(r);
            sets.add(with);
        }
        sets.addAll(rest);
        return sets;
    }

    /** Each column as a unit of its own, for {@link #rollup} and {@link #cube} of plain columns. */
    public static List<List<Expression>> singletons(List<Expression> columns) {
        List<List<Expression>> units = new ArrayList<>();
        for (Expression c : columns) {
            units.add(List.of(c));
        }
        return units;
    }

    private static List<Expression> flatten(List<List<Expression>> units) {
        List<Expression> out = new ArrayList<>();
        for (List<Expression> u : units) {
            out.addAll(u);
        }
        return out;
    }

    /**
     * The grouping sets of several GROUP BY items side by side ({@code GROUP BY a, ROLLUP(b, c)}):
     * every combination of one set of each item, concatenated. A plain column is the one set
     * {@code (col)}.
     */
    public static List<List<Expression>> product(List<List<List<Expression>>> items) {
        List<List<Expression>> sets = List.of(List.of());
        for (List<List<Expression>> item : items) {
            List<List<Expression>> combined = new ArrayList<>();
            for (List<Expression> prefix : sets) {
                for (List<Expression> set : item) {
                    List<Expression> both = new ArrayList<>(prefix);
                    both.addAll(set);
                    combined.add(both);
                }
            }
            sets = combined;
        }
        return sets;
    }

    /** The grouping columns of {@code sets}: each distinct expression once, in order of first appearance. */
    public static List<Expression> columns(List<List<Expression>> sets) {
        List<Expression> columns = new ArrayList<>();
        List<Expression> canonical = new ArrayList<>();
        for (List<Expression> set : sets) {
            for (Expression e : set) {
                Expression c = canonical(e);
                if (!canonical.contains(c)) {
                    canonical.add(c);
                    columns.add(e);
                }
            }
        }
        return columns;
    }

    /**
     * The aggregation of {@code child} over {@code sets} (resolved against {@code child}),
     * computing {@code outputs}: expressions over the grouping columns, aggregate functions,
     * {@code grouping(c)} and {@code grouping_id(...)}. The result has the attributes of
     * {@code outputs} (same ids), so plans built over them stay valid.
     *
     * @throws AnalysisException if there are more than 63 grouping columns, or a
     *     {@code grouping}/{@code grouping_id} call names something other than grouping columns
     */
    public static LogicalPlan aggregate(List<List<Expression>> sets, List<NamedExpression> outputs,
                                        LogicalPlan child) {
        List<Expression> columns = columns(sets);
        int n = columns.size();
        if (n > MAX_GROUPING_COLUMNS) {
            throw new AnalysisException("[GROUPING_SIZE_LIMIT_EXCEEDED] Grouping sets size cannot be greater than "
                    + MAX_GROUPING_COLUMNS + ", but there are " + n + " grouping columns.");
        }
        List<Expression> canonicalColumns = new ArrayList<>();
        List<AttributeReference> expanded = new ArrayList<>();
        for (Expression c : columns) {
            canonicalColumns.add(canonical(c));
            String name = c instanceof AttributeReference a ? a.name() : c.sql();
            expanded.add(AttributeReference.create(name, c.dataType(), true));
        }
        AttributeReference groupingId = AttributeReference.create("spark_grouping_id", DataTypes.LongType, false);
        List<AttributeReference> carried = carried(outputs, child);
        boolean repeated = hasRepeatedSet(sets);
        List<List<Expression>> projections = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            List<Expression> row = new ArrayList<>(carried);
            row.addAll(groupingValues(canonicalSet(sets.get(k)), columns, canonicalColumns));
            if (repeated) {
                row.add(Literal.create(k));
            }
            projections.add(row);
        }
        List<AttributeReference> expandOutput = new ArrayList<>(carried);
        expandOutput.addAll(expanded);
        expandOutput.add(groupingId);
        // A set listed twice gives its groups twice (as in Spark and SQL databases): the set's position keeps them apart.
        AttributeReference position = AttributeReference.create("_gen_grouping_pos", DataTypes.IntegerType, false);
        if (repeated) {
            expandOutput.add(position);
        }
        Expand expand = new Expand(projections, expandOutput, child);
        GroupingRewrite rewrite = new GroupingRewrite(columns, canonicalColumns, expanded, groupingId);
        List<NamedExpression> rewritten = new ArrayList<>();
        for (NamedExpression o : outputs) {
            Expression r = rewrite.apply(o);
            rewritten.add(r instanceof NamedExpression named && named.exprId() == o.exprId() ? named
                    : new Alias(r, o.name(), o.exprId()));
        }
        List<Expression> groupBy = new ArrayList<>(expanded);
        groupBy.add(groupingId);
        if (repeated) {
            groupBy.add(position);
        }
        return new Aggregate(groupBy, rewritten, expand);
    }

    /**
     * What one grouping set puts in the grouping columns of an expanded row: each column, or NULL
     * when the set does not hold it, then the grouping id (bit {@code n-1-i} set when column
     * {@code i} is rolled up).
     */
    private static List<Expression> groupingValues(Set<Expression> inSet, List<Expression> columns,
                                                   List<Expression> canonicalColumns) {
        int n = columns.size();
        List<Expression> values = new ArrayList<>();
        long id = 0;
        for (int i = 0; i < n; i++) {
            boolean grouped = inSet.contains(canonicalColumns.get(i));
            values.add(grouped ? columns.get(i) : new Literal(null, columns.get(i).dataType()));
            if (!grouped) {
                id |= 1L << (n - 1 - i);
            }
        }
        values.add(Literal.create(id));
        return values;
    }

    private static boolean hasRepeatedSet(List<List<Expression>> sets) {
        Set<Set<Expression>> seen = new java.util.HashSet<>();
        for (List<Expression> set : sets) {
            if (!seen.add(canonicalSet(set))) {
                return true;
            }
        }
        return false;
    }

    private static Set<Expression> canonicalSet(List<Expression> set) {
        Set<Expression> out = new LinkedHashSet<>();
        for (Expression e : set) {
            out.add(canonical(e));
        }
        return out;
    }

    /**
     * {@code e}, built over the attributes of a grouping-sets aggregation before it existed, with
     * every attribute replaced by the aggregation's output attribute of the same id: rolled-up
     * grouping columns are nullable there even where the input column is not.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Expression> E overOutput(E e, List<AttributeReference> output) {
        return (E) e.transformUp(x -> {
            if (x instanceof AttributeReference a) {
                for (AttributeReference o : output) {
                    if (o.exprId() == a.exprId()) {
                        return o;
                    }
                }
            }
            return x;
        });
    }

    /**
     * Checks that an aggregation without grouping sets does not call {@code grouping} or
     * {@code grouping_id}.
     *
     * @throws AnalysisException naming the call
     */
    public static void checkNoGroupingCalls(List<? extends Expression> outputs) {
        for (Expression o : outputs) {
            for (Expression call : o.collect(Expression.class)) {
                if (isGroupingCall(call)) {
                    throw new AnalysisException("[UNSUPPORTED_GROUPING_EXPRESSION] " + call.sql() + ": grouping()/"
                            + "grouping_id() can only be used with GROUPING SETS, ROLLUP or CUBE.");
                }
            }
        }
    }

    /** Whether {@code e} is a {@code grouping} or {@code grouping_id} call. */
    public static boolean isGroupingCall(Expression e) {
        return e instanceof Grouping || e instanceof GroupingId;
    }

    /** Whether {@code e} calls {@code grouping} or {@code grouping_id} somewhere. */
    public static boolean hasGroupingCall(Expression e) {
        return e.exists(GroupingSets::isGroupingCall);
    }

    /** The input columns the aggregate functions read, which each expanded row carries unchanged. */
    private static List<AttributeReference> carried(List<NamedExpression> outputs, LogicalPlan child) {
        Set<Long> read = new LinkedHashSet<>();
        for (NamedExpression o : outputs) {
            for (AggregateExpression agg : o.collect(AggregateExpression.class)) {
                read.addAll(agg.referenceIds());
            }
        }
        List<AttributeReference> carried = new ArrayList<>();
        for (AttributeReference a : child.output()) {
            if (read.contains(a.exprId())) {
                carried.add(a);
            }
        }
        return carried;
    }

    /** Expressions compared by what they compute: attributes by id only. */
    private static Expression canonical(Expression e) {
        return e.transformUp(x -> x instanceof AttributeReference a
                ? new AttributeReference("", a.dataType(), true, a.exprId(), null) : x);
    }

    /**
     * Rewrites the aggregation's outputs to read the expanded columns: a grouping expression
     * becomes its expanded (nullable) column, {@code grouping}/{@code grouping_id} bits of the
     * grouping id; the arguments of aggregate functions are left alone.
     */
    private record GroupingRewrite(List<Expression> columns, List<Expression> canonicalColumns,
                                   List<AttributeReference> expanded, AttributeReference groupingId) {

        Expression apply(Expression e) {
            if (e instanceof AggregateExpression) {
                return e;
            }
            int column = canonicalColumns.indexOf(canonical(e));
            if (column >= 0) {
                return expanded.get(column);
            }
            if (e instanceof Grouping g) {
                int i = canonicalColumns.indexOf(canonical(g.child()));
                if (i < 0) {
                    throw new AnalysisException("[GROUPING_COLUMN_MISMATCH] Column of grouping (" + g.child().sql()
                            + ") can't be found in grouping columns " + sqlList(columns) + ".");
                }
                return new GroupingBit(groupingId, columns.size() - 1 - i, g.child().sql());
            }
            if (e instanceof GroupingId id) {
                if (!id.children().isEmpty() && !canonicalAll(id.children()).equals(canonicalColumns)) {
                    throw new AnalysisException("[GROUPING_ID_COLUMN_MISMATCH] Columns of grouping_id ("
                            + String.join(",", sqlTexts(id.children())) + ") does not match grouping columns ("
                            + String.join(",", sqlTexts(columns)) + ").");
                }
                return groupingId;
            }
            List<Expression> children = e.children();
            if (children.isEmpty()) {
                return e;
            }
            List<Expression> rewritten = new ArrayList<>();
            for (Expression c : children) {
                rewritten.add(apply(c));
            }
            return rewritten.equals(children) ? e : e.withNewChildren(rewritten);
        }

        private static List<Expression> canonicalAll(List<Expression> es) {
            List<Expression> out = new ArrayList<>();
            for (Expression e : es) {
                out.add(canonical(e));
            }
            return out;
        }

        private static List<String> sqlTexts(List<Expression> es) {
            List<String> out = new ArrayList<>();
            for (Expression e : es) {
                out.add(e.sql());
            }
            return out;
        }

        private static String sqlList(List<Expression> es) {
            return "(" + String.join(", ", sqlTexts(es)) + ")";
        }
    }
}
