package io.ember.dataframe.internal.window;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.TypeCoercion;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.TimestampType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves window expressions out of projections into {@link WindowPlan}s, for both front ends: the
 * DataFrame API ({@code select}, {@code withColumn}) and SQL build the same plans through here.
 *
 * <p>Design notes. A projection such as {@code a, rank() OVER w AS r, sum(x) OVER v / 2 AS h}
 * becomes {@code Project [a, r, _we1 / 2 AS h]} over one {@link WindowPlan} per distinct
 * (partitioning, ordering) pair, stacked over the input: each window expression is computed once,
 * under an alias whose attribute the projection reads. When the query also aggregates,
 * {@link #splitAggregate} first decides what the aggregate must compute (the aggregates and
 * grouping columns the windows read), so windows run over the aggregated rows, as in SQL.
 */
public final class Windows {
    private Windows() {
    }

    /** Whether {@code e} contains a window expression. */
    public static boolean hasWindow(Expression e) {
        return e.exists(x -> x instanceof WindowExpression);
    }

    /** Whether {@code e} contains an aggregate that is not the function of a window expression. */
    public static boolean hasAggregate(Expression e) {
        if (e instanceof AggregateExpression) {
            return true;
        }
        if (e instanceof WindowExpression w) {
            // The window's own function is computed by the window; its arguments still count.
            for (Expression c : w.function().children()) {
                if (hasAggregate(c)) {
                    return true;
                }
            }
            for (Expression c : w.children().subList(1, w.children().size())) {
                if (hasAggregate(c)) {
                    return true;
                }
            }
            return false;
        }
        for (Expression c : e.children()) {
            if (hasAggregate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code projectList} over {@code child}: a plain {@link Project} when it has no window
     * expression, else a projection over the window operators that compute them.
     *
     * @throws AnalysisException if a window expression is nested in another or does not type-check,
     *     or {@code grouping}/{@code grouping_id} is called outside an aggregation with grouping sets
     */
    public static LogicalPlan project(List<NamedExpression> projectList, LogicalPlan child) {
        io.ember.dataframe.internal.analysis.GroupingSets.checkNoGroupingCalls(projectList);
        boolean any = false;
        for (NamedExpression e : projectList) {
            any |= hasWindow(e);
        }
        if (!any) {
            return new Project(projectList, child);
        }
        Map<WindowExpression, Alias> aliases = new LinkedHashMap<>();
        // An item that is exactly "window AS name" keeps its alias, so its column keeps its id.
        for (NamedExpression e : projectList) {
            if (e instanceof Alias a && a.child() instanceof WindowExpression w) {
                WindowExpression checked = check(w);
                aliases.putIfAbsent(checked, new Alias(checked, a.name(), a.exprId()));
            }
        }
        for (NamedExpression e : projectList) {
            for (WindowExpression w : e.collect(WindowExpression.class)) {
                WindowExpression checked = check(w);
                if (!aliases.containsKey(checked)) {
                    aliases.put(checked, Alias.of(checked, "_we" + aliases.size()));
                }
            }
        }
        List<NamedExpression> rewritten = new ArrayList<>();
        for (NamedExpression e : projectList) {
            if (e instanceof Alias a && a.child() instanceof WindowExpression w
                    && aliases.get(check(w)).exprId() == a.exprId()) {
                rewritten.add(a.toAttribute());
                continue;
            }
            rewritten.add((NamedExpression) e.transformDown(x -> x instanceof WindowExpression w
                    ? aliases.get(check(w)).toAttribute() : x));
        }
        return new Project(rewritten, stack(aliases, child));
    }

    /** One {@link WindowPlan} per distinct window, in order of first use, stacked over {@code child}. */
    private static LogicalPlan stack(Map<WindowExpression, Alias> aliases, LogicalPlan child) {
        List<List<Alias>> groups = new ArrayList<>();
        for (Alias a : aliases.values()) {
            WindowExpression w = (WindowExpression) a.child();
            List<Alias> group = null;
            for (List<Alias> g : groups) {
                if (((WindowExpression) g.get(0).child()).sameWindow(w)) {
                    group = g;
                }
            }
            if (group == null) {
                group = new ArrayList<>();
                groups.add(group);
            }
            group.add(a);
        }
        LogicalPlan plan = child;
        for (List<Alias> g : groups) {
            WindowExpression w = (WindowExpression) g.get(0).child();
            plan = new WindowPlan(new ArrayList<>(g), w.partitionSpec(), w.orderSpec(), plan);
        }
        return plan;
    }

    /** {@code w} checked once resolved, with the default of lag/lead cast to the input's type. */
    private static WindowExpression check(WindowExpression w) {
        for (Expression c : w.children()) {
            if (hasWindow(c)) {
                throw new AnalysisException("[NESTED_WINDOW_FUNCTION] A window function cannot be used inside another "
                        + "window function: " + w.sql() + ".");
            }
        }
        if (w.function() instanceof AggregateExpression a && hasAggregate(a.child())) {
            throw new AnalysisException("[NESTED_AGGREGATE_FUNCTION] The argument of the window function " + w.sql()
                    + " contains an aggregate; aggregate the rows first (GROUP BY).");
        }
        if (w.frame().hasValueOffsets()) {
            checkRangeKey(w);
        }
        if (w.function() instanceof OffsetFunction o && !o.defaultValue().dataType().equals(o.input().dataType())) {
            if (!Cast.canCast(o.defaultValue().dataType(), o.input().dataType())) {
                throw new AnalysisException("[DATATYPE_MISMATCH] The default value of " + o.sql() + " has type \""
                        + o.defaultValue().dataType().sql() + "\", which cannot be cast to \""
                        + o.input().dataType().sql() + "\".");
            }
            OffsetFunction cast = new OffsetFunction(o.lead(), o.input(), o.offset(),
                    TypeCoercion.cast(o.defaultValue(), o.input().dataType()));
            return new WindowExpression(cast, w.partitionSpec(), w.orderSpec(), w.frame());
        }
        return w;
    }

    /**
     * Spark's rule for a {@code RANGE} frame with offsets: numbers offset a numeric (or, counted
     * in days, a date) ordering key; intervals offset a timestamp, or a date when they have no
     * time part.
     */
    private static void checkRangeKey(WindowExpression w) {
        Expression key = w.orderSpec().get(0).child();
        DataType type = key.dataType();
        WindowFrame f = w.frame();
        boolean valid;
        String boundType;
        if (f.hasIntervalOffsets()) {
            boolean timePart = (f.startInterval() != null && f.startInterval().hasTimePart())
                    || (f.endInterval() != null && f.endInterval().hasTimePart());
            valid = type instanceof TimestampType || (type instanceof DateType && !timePart);
            boundType = "INTERVAL";
        } else {
            valid = Cast.isNumeric(type) || type instanceof DateType;
            boundType = "BIGINT";
        }
        if (!valid) {
            throw new AnalysisException("[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE] Cannot resolve \"" + w.sql()
                    + "\" due to data type mismatch: The data type \"" + type.sql() + "\" used in the order "
                    + "specification (\"" + key.sql() + "\") does not match the data type \"" + boundType
                    + "\" which is used in the range frame.");
        }
    }

    /**
     * An aggregation whose select list may contain window expressions: the {@link Aggregate} of
     * {@code grouping} computes what the windows read, and the windows run over its rows.
     */
    public static LogicalPlan aggregate(List<Expression> grouping, List<NamedExpression> selectList, LogicalPlan child) {
        AggregateSplit split = splitAggregate(selectList);
        return project(split.projectList(), new Aggregate(grouping, split.aggregateList(), child));
    }

    /**
     * What an aggregate must output for {@code selectList}, and the projection over its output.
     * Items without windows are computed by the aggregate as they are. In items with windows,
     * every aggregate, and every column read outside an aggregate, becomes an extra aggregate
     * output ({@code _w0}, {@code _w1}...) that the window expressions read instead.
     */
    public static AggregateSplit splitAggregate(List<NamedExpression> selectList) {
        List<NamedExpression> aggregateList = new ArrayList<>();
        List<NamedExpression> projectList = new ArrayList<>();
        for (NamedExpression e : selectList) {
            if (!hasWindow(e)) {
                aggregateList.add(e);
                projectList.add(e.toAttribute());
            }
        }
        for (int i = 0; i < selectList.size(); i++) {
            NamedExpression e = selectList.get(i);
            if (hasWindow(e)) {
                projectList.add(i, (NamedExpression) pullUp(e, aggregateList));
            }
        }
        return new AggregateSplit(aggregateList, projectList);
    }

    /** {@code e} reading from the aggregate's output, the parts it needs added to {@code aggregateList}. */
    private static Expression pullUp(Expression e, List<NamedExpression> aggregateList) {
        if (e instanceof WindowExpression w) {
            Expression f = w.function();
            Expression function;
            if (f instanceof AggregateExpression a) {
                function = a.withNewChildren(List.of(computed(a.child(), aggregateList)));
            } else {
                List<Expression> args = new ArrayList<>();
                for (Expression c : f.children()) {
                    args.add(computed(c, aggregateList));
                }
                function = f.withNewChildren(args);
            }
            List<Expression> partition = new ArrayList<>();
            for (Expression p : w.partitionSpec()) {
                partition.add(computed(p, aggregateList));
            }
            List<SortOrder> order = new ArrayList<>();
            for (SortOrder o : w.orderSpec()) {
                order.add(new SortOrder(computed(o.child(), aggregateList), o.ascending(), o.nullsFirst()));
            }
            return new WindowExpression(function, partition, order, w.frame());
        }
        if (e instanceof Alias a) {
            return new Alias(pullUp(a.child(), aggregateList), a.name(), a.exprId());
        }
        if (!hasWindow(e)) {
            return computed(e, aggregateList);
        }
        List<Expression> children = new ArrayList<>();
        for (Expression c : e.children()) {
            children.add(pullUp(c, aggregateList));
        }
        return e.withNewChildren(children);
    }

    /** The attribute of {@code e} in the aggregate's output, adding {@code e} there if needed. */
    private static AttributeReference computed(Expression e, List<NamedExpression> aggregateList) {
        for (NamedExpression n : aggregateList) {
            Expression value = n instanceof Alias a ? a.child() : n;
            if (value.equals(e) || n.equals(e)) {
                return n.toAttribute();
            }
        }
        if (hasWindow(e)) {
            throw new AnalysisException("[NESTED_WINDOW_FUNCTION] A window function cannot be used inside another "
                    + "window function: " + e.sql() + ".");
        }
        NamedExpression added = e instanceof AttributeReference a ? a : Alias.of(e, "_w" + aggregateList.size());
        aggregateList.add(added);
        return added.toAttribute();
    }

    /**
     * The two halves of an aggregation with windows.
     *
     * @param aggregateList what the aggregate computes
     * @param projectList   the select list over the aggregate's output (window expressions included)
     */
    public record AggregateSplit(List<NamedExpression> aggregateList, List<NamedExpression> projectList) {
    }
}
