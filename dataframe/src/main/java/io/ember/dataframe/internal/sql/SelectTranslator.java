package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.GroupingSets;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.ExprIds;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.expressions.UnresolvedAttribute;
import io.ember.dataframe.internal.expressions.UnresolvedStar;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.Sort;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.internal.analysis.Generators;
import io.ember.dataframe.internal.window.Windows;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Translates one {@code SELECT} block in SQL's logical order: {@code FROM}, {@code WHERE},
 * {@code GROUP BY} (by name, select alias, position or expression) with the aggregates,
 * {@code HAVING}, window functions, the select list, {@code DISTINCT}, {@code ORDER BY}, and
 * {@code LIMIT}.
 *
 * <p>The plans are the DataFrame API's: {@code WHERE} is {@code filter}, an aggregation is
 * {@code groupBy(...).agg(...)} ({@link Aggregate} with the grouping expressions and the select
 * list), window functions are computed as {@code select} computes them ({@link Windows}),
 * {@code DISTINCT} is {@code distinct()}, {@code ORDER BY} a global {@link Sort}. What SQL adds is
 * name resolution across clauses: {@code ORDER BY} sees the select list's aliases first and
 * otherwise the input (a column it needs but the select list drops is carried through and
 * projected away after the sort), and {@code HAVING} and {@code ORDER BY} may use aggregates the
 * select list does not compute.
 */
final class SelectTranslator {
    private final QueryTranslator q;
    private final PlainSelect ps;
    private final ExpressionTranslator ex;
    private final Subqueries subqueries;

    SelectTranslator(QueryTranslator q, PlainSelect ps) {
        this.q = q;
        this.ps = ps;
        this.subqueries = new Subqueries(q);
        this.ex = new ExpressionTranslator(q.source, q.functions, new WindowTranslator.NamedWindows(ps.getWindowDefinitions()),
                subqueries);
    }

    LogicalPlan plan() {
        rejectUnsupported();
        LogicalPlan plan = ps.getFromItem() == null ? oneRow()
                : new FromTranslator(q, ex, FromTranslator.broadcastHints(ps.getOracleHint()))
                        .plan(ps.getFromItem(), ps.getJoins());
        subqueries.scope(plan.output());
        if (ps.getWhere() != null) {
            Expression condition = q.bindOuter(ex.translate(ps.getWhere()), plan.output());
            try {
                Expression resolved = q.analyzer.resolveCondition(condition, plan.output(), "Filter");
                Subqueries.checkPredicatePlacement(resolved, "WHERE");
                plan = new Filter(resolved, plan);
            } catch (AnalysisException e) {
                throw q.source.locate(e, ps.getWhere());
            }
        }
        List<NamedExpression> select = selectList(plan.output());
        Expression having = ps.getHaving() == null ? null : ex.translate(ps.getHaving());
        boolean aggregate = ps.getGroupBy() != null || having != null;
        for (NamedExpression e : select) {
            aggregate |= Windows.hasAggregate(e);
        }
        List<OrderByElement> orderBy = ps.getOrderByElements() == null ? List.of() : ps.getOrderByElements();
        for (OrderByElement o : orderBy) {
            aggregate |= !(o.getExpression() instanceof LongValue) && Windows.hasAggregate(ex.translate(o.getExpression()));
        }
        boolean distinct = ps.getDistinct() != null;
        LogicalPlan input = plan;
        List<NamedExpression> projectList;
        AggregateOutputs outputs = null;
        GroupingSetsTranslator.GroupBy groupBy = null;
        Expression havingCondition = null;
        if (aggregate) {
            groupBy = grouping(input.output(), select);
            Windows.AggregateSplit split = Windows.splitAggregate(select);
            outputs = new AggregateOutputs(groupBy.columns(), split.aggregateList());
            outputs.check();
            if (having != null) {
                havingCondition = having(having, select, input.output(), outputs);
            }
            projectList = new ArrayList<>(split.projectList());
        } else {
            projectList = new ArrayList<>(select);
        }
        int visible = projectList.size();
        List<SortOrder> order = orderKeys(orderBy, projectList, select, input.output(), outputs, distinct);
        if (outputs != null) {
            LogicalPlan agg = aggregate(groupBy, outputs, input);
            if (groupBy.sets() != null) {
                havingCondition = havingCondition == null ? null : GroupingSets.overOutput(havingCondition, agg.output());
                projectList.replaceAll(e -> GroupingSets.overOutput(e, agg.output()));
                order.replaceAll(o -> GroupingSets.overOutput(o, agg.output()));
            }
            plan = havingCondition == null ? agg : new Filter(havingCondition, agg);
        }
        plan = Generators.project(projectList, plan);
        if (distinct) {
            plan = QueryTranslator.distinct(plan);
        }
        if (!order.isEmpty()) {
            plan = new Sort(order, true, plan);
            if (projectList.size() > visible) {
                plan = new Project(new ArrayList<>(plan.output().subList(0, visible)), plan);
            }
        }
        return q.limit(plan, ps);
    }

    private void rejectUnsupported() {
        if (ps.getDistinct() != null && (ps.getDistinct().getOnSelectItems() != null || ps.getDistinct().isUseUnique())) {
            throw q.source.unsupported("DISTINCT ON and UNIQUE", ps);
        }
        if (ps.getTop() != null || ps.getFirst() != null || ps.getSkip() != null || ps.getIntoTables() != null
                || ps.getQualify() != null || ps.getLateralViews() != null || ps.getOracleHierarchical() != null
                || ps.getPreWhere() != null || ps.getKsqlWindow() != null || ps.getForUpdateTable() != null) {
            throw q.source.unsupported("TOP, FIRST, SKIP, INTO, QUALIFY, LATERAL VIEW, CONNECT BY and FOR UPDATE", ps);
        }
    }

    /** Spark's one-row relation with no columns, for {@code SELECT 1}. */
    private static LogicalPlan oneRow() {
        return new LocalRelation(List.of(), List.of(new ColumnBatch(new ColumnVector[0], 1)));
    }

    /** The select list resolved against {@code input}, stars expanded. */
    private List<NamedExpression> selectList(List<AttributeReference> input) {
        List<NamedExpression> out = new ArrayList<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            net.sf.jsqlparser.expression.Expression e = item.getExpression();
            Expression raw;
            if (e instanceof AllTableColumns t) {
                raw = new UnresolvedStar(Names.unquote(t.getTable().getName()));
            } else if (e instanceof AllColumns all) {
                if (all.getExceptColumns() != null || all.getReplaceExpressions() != null) {
                    throw q.source.unsupported("SELECT * EXCEPT / REPLACE", item);
                }
                raw = new UnresolvedStar(null);
            } else {
                String unitAlias = BareUnitAliases.detach(item);
                raw = ex.translate(item.getExpression());
                if (unitAlias != null) {
                    raw = new Alias(raw, unitAlias, ExprIds.next());
                }
            }
            if (item.getAlias() != null) {
                if (raw instanceof UnresolvedStar) {
                    throw q.source.unsupported("An alias for *", item);
                }
                raw = new Alias(raw, Names.unquote(item.getAlias().getName()), ExprIds.next());
            }
            try {
                Subqueries.checkNoPredicateSubquery(raw, "the SELECT list");
                out.addAll(q.analyzer.resolveProjection(List.of(raw), input));
            } catch (AnalysisException failure) {
                throw q.source.locate(failure, item);
            }
        }
        return out;
    }

    /** The aggregate, over grouping sets if the GROUP BY has them. */
    private LogicalPlan aggregate(GroupingSetsTranslator.GroupBy groupBy, AggregateOutputs outputs, LogicalPlan input) {
        try {
            if (groupBy.sets() != null) {
                return GroupingSets.aggregate(groupBy.sets(), outputs.outputs, input);
            }
            GroupingSets.checkNoGroupingCalls(outputs.outputs);
            return new Aggregate(outputs.grouping(), outputs.outputs, input);
        } catch (AnalysisException e) {
            throw q.source.locate(e, ps.getGroupBy() != null ? ps.getGroupBy() : ps);
        }
    }

    /**
     * The grouping columns and sets: positions and select aliases stand for the select list's
     * expressions.
     */
    private GroupingSetsTranslator.GroupBy grouping(List<AttributeReference> input, List<NamedExpression> select) {
        if (ps.getGroupBy() == null) {
            return new GroupingSetsTranslator.GroupBy(List.of(), null);
        }
        boolean withCube = ps.getGroupBy().isMysqlWithRollup() && q.source.isWithCube(ps);
        return GroupingSetsTranslator.translate(ps.getGroupBy(), withCube, g -> groupingColumn(g, input, select),
                q.source);
    }

    private Expression groupingColumn(net.sf.jsqlparser.expression.Expression g, List<AttributeReference> input,
                                      List<NamedExpression> select) {
        Expression e;
        if (g instanceof LongValue v) {
            List<AttributeReference> positions = new ArrayList<>();
            for (NamedExpression n : select) {
                positions.add(n.toAttribute());
            }
            AttributeReference chosen = q.position(v, positions, "GROUP BY", g);
            NamedExpression item = select.get(positions.indexOf(chosen));
            e = item instanceof Alias a ? a.child() : item;
        } else {
            e = groupingByName(ex.translate(g), input, select, g);
        }
        if (Windows.hasAggregate(e) || Windows.hasWindow(e)) {
            throw q.source.locate(new AnalysisException("[GROUP_BY_AGGREGATE] Aggregate and window functions are "
                    + "not allowed in GROUP BY, but found " + e.sql() + "."), g);
        }
        return e;
    }

    private Expression groupingByName(Expression e, List<AttributeReference> input, List<NamedExpression> select,
                                      Object node) {
        try {
            return q.analyzer.resolve(e, input);
        } catch (AnalysisException failure) {
            if (e instanceof UnresolvedAttribute u) {
                for (NamedExpression n : select) {
                    if (n instanceof Alias a && q.sameName(a.name(), u.name())) {
                        return a.child();
                    }
                }
            }
            throw q.source.locate(failure, node);
        }
    }

    /** The {@code HAVING} condition over the aggregate's output. */
    private Expression having(Expression having, List<NamedExpression> select, List<AttributeReference> input,
                              AggregateOutputs outputs) {
        try {
            Expression resolved = q.analyzer.resolve(withSelectAliases(having, select), input);
            if (!(resolved.dataType() instanceof BooleanType) && !(resolved.dataType() instanceof NullType)) {
                throw new AnalysisException("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] The HAVING condition \""
                        + resolved.sql() + "\" of type \"" + resolved.dataType().sql() + "\" is not a boolean.");
            }
            Subqueries.checkPredicatePlacement(resolved, "HAVING");
            return outputs.overOutput(resolved);
        } catch (AnalysisException e) {
            throw q.source.locate(e, ps.getHaving());
        }
    }

    /** {@code e} with names of select-list aliases replaced by the aliased expressions. */
    private Expression withSelectAliases(Expression e, List<NamedExpression> select) {
        return e.transformUp(x -> {
            if (x instanceof UnresolvedAttribute u) {
                for (NamedExpression n : select) {
                    if (n instanceof Alias a && q.sameName(a.name(), u.name())) {
                        return a.child();
                    }
                }
            }
            return x;
        });
    }

    /**
     * The sort keys. A key names (or numbers) a select-list column if it can; otherwise it is
     * resolved against the input (through the aggregate when there is one), and the columns it
     * reads are appended to {@code projectList} so that they reach the sort.
     */
    private List<SortOrder> orderKeys(List<OrderByElement> elements, List<NamedExpression> projectList,
                                      List<NamedExpression> select, List<AttributeReference> input,
                                      AggregateOutputs outputs, boolean distinct) {
        List<AttributeReference> visible = new ArrayList<>();
        for (NamedExpression n : projectList) {
            visible.add(n.toAttribute());
        }
        List<SortOrder> out = new ArrayList<>();
        for (OrderByElement o : elements) {
            SortOrder s = ex.sortOrder(o);
            Expression key;
            if (o.getExpression() instanceof LongValue v) {
                key = q.position(v, visible, "ORDER BY", o);
            } else {
                try {
                    key = q.analyzer.resolve(s.child(), visible);
                    if (outputs != null && (Windows.hasAggregate(key) || GroupingSets.hasGroupingCall(key))) {
                        // ORDER BY s + count(*): the aggregate must be computed by the Aggregate.
                        throw new AnalysisException("aggregate over the select list's output");
                    }
                } catch (AnalysisException notSelected) {
                    if (distinct) {
                        throw q.source.locate(notSelected, o);
                    }
                    key = hiddenKey(s.child(), select, input, outputs, o);
                    for (AttributeReference a : key.references()) {
                        if (!containsId(projectList, a.exprId())) {
                            projectList.add(a);
                        }
                    }
                }
            }
            if (Windows.hasWindow(key)) {
                throw q.source.locate(new AnalysisException("[UNSUPPORTED_WINDOW_POSITION] A window function can only "
                        + "be used in the SELECT list: give it an alias there and ORDER BY the alias."), o);
            }
            out.add(new SortOrder(key, s.ascending(), s.nullsFirst()));
        }
        return out;
    }

    private Expression hiddenKey(Expression key, List<NamedExpression> select, List<AttributeReference> input,
                                 AggregateOutputs outputs, Object node) {
        try {
            if (outputs == null) {
                return q.analyzer.resolve(key, input);
            }
            return outputs.overOutput(q.analyzer.resolve(withSelectAliases(key, select), input));
        } catch (AnalysisException e) {
            throw q.source.locate(e, node);
        }
    }

    private static boolean containsId(List<NamedExpression> list, long id) {
        for (NamedExpression n : list) {
            if (n.exprId() == id) {
                return true;
            }
        }
        return false;
    }
}
