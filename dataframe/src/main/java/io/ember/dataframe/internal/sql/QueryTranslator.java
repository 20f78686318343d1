package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.Analyzer;
import io.ember.dataframe.internal.analysis.SetOperations;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.OuterReference;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.expressions.UnresolvedAttribute;
import io.ember.dataframe.internal.plan.Limit;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.Sort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Translates a whole query: {@code WITH} (each common table expression planned once and visible
 * to the ones after it and to the body), set operations, and the {@code ORDER BY} and
 * {@code LIMIT} that apply to them. Single {@code SELECT} blocks go to {@link SelectTranslator},
 * {@code FROM} clauses to {@link FromTranslator}.
 *
 * <p>Set operations build what the DataFrame API builds ({@link SetOperations}): {@code UNION ALL}
 * is {@code df.union(other)} (by position, types widened), {@code UNION} adds a distinct,
 * {@code INTERSECT [ALL]} and {@code EXCEPT [ALL]} (also spelled {@code MINUS}) are
 * {@code df.intersect}, {@code df.intersectAll}, {@code df.except} and {@code df.exceptAll}.
 */
final class QueryTranslator {
    final SqlSource source;
    final Analyzer analyzer;
    final SessionCatalog catalog;
    final FunctionRegistry functions;
    final SqlFrontEnd.FileRelations files;
    final boolean caseSensitive;
    private final Deque<Map<String, LogicalPlan>> ctes = new ArrayDeque<>();
    /** The columns of the queries enclosing the subquery being translated, innermost first. */
    private final Deque<List<AttributeReference>> outerScopes = new ArrayDeque<>();

    QueryTranslator(SqlSource source, Analyzer analyzer, SessionCatalog catalog, FunctionRegistry functions,
                    SqlFrontEnd.FileRelations files, boolean caseSensitive) {
        this.source = source;
        this.analyzer = analyzer;
        this.catalog = catalog;
        this.functions = functions;
        this.files = files;
        this.caseSensitive = caseSensitive;
    }

    /** The plan of {@code select}. */
    LogicalPlan query(Select select) {
        List<WithItem<?>> with = select.getWithItemsList();
        if (with != null && !with.isEmpty()) {
            ctes.push(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }
        try {
            if (with != null) {
                for (WithItem<?> item : with) {
                    defineCte(item, select);
                }
            }
            return body(select);
        } finally {
            if (with != null && !with.isEmpty()) {
                ctes.pop();
            }
        }
    }

    /** The plan of a subquery of an expression, the columns {@code outer} visible as outer references. */
    LogicalPlan subquery(Select select, List<AttributeReference> outer) {
        outerScopes.push(outer);
        try {
            return query(select);
        } finally {
            outerScopes.pop();
        }
    }

    /**
     * {@code e} with each name that is not a column of {@code input} but is one of the
     * immediately enclosing query replaced by an {@link OuterReference} to that column. A name
     * of a query further out is refused: the rewrite into joins relates a subquery to its
     * enclosing query only.
     */
    Expression bindOuter(Expression e, List<AttributeReference> input) {
        if (outerScopes.isEmpty()) {
            return e;
        }
        return e.transformUp(x -> {
            if (!(x instanceof UnresolvedAttribute u) || resolves(u, input)) {
                return x;
            }
            List<AttributeReference> enclosing = outerScopes.peek();
            if (resolves(u, enclosing)) {
                return new OuterReference(analyzer.lookup(u.name(), enclosing));
            }
            for (List<AttributeReference> scope : outerScopes) {
                if (resolves(u, scope)) {
                    throw new AnalysisException("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY] The subquery reads `"
                            + u.name() + "`, a column of a query two or more levels out; a subquery may read the "
                            + "columns of its immediately enclosing query only.");
                }
            }
            return x;
        });
    }

    private boolean resolves(UnresolvedAttribute u, List<AttributeReference> input) {
        try {
            analyzer.lookup(u.name(), input);
            return true;
        } catch (AnalysisException e) {
            // Only a name that is not there falls through to the enclosing queries; an
            // ambiguous one is reported by the resolution that follows.
            return !e.getMessage().startsWith("[UNRESOLVED_COLUMN");
        }
    }

    /**
     * {@code relation} with fresh column ids if it shares some with an enclosing query (the same
     * view inside and outside a subquery), so that the join the subquery becomes can tell them apart.
     */
    LogicalPlan distinctFromOuter(LogicalPlan relation) {
        Set<Long> ids = relation.outputIds();
        for (List<AttributeReference> scope : outerScopes) {
            for (AttributeReference a : scope) {
                if (ids.contains(a.exprId())) {
                    return SetOperations.withFreshIds(relation);
                }
            }
        }
        return relation;
    }

    private LogicalPlan body(Select select) {
        if (select.getOffset() != null) {
            throw source.unsupported("OFFSET", select.getOffset());
        }
        if (select.getFetch() != null) {
            throw source.unsupported("FETCH", select.getFetch());
        }
        if (select instanceof PlainSelect ps) {
            return new SelectTranslator(this, ps).plan();
        }
        LogicalPlan plan;
        if (select instanceof SetOperationList set) {
            plan = setOperations(set);
        } else if (select instanceof ParenthesedSelect p) {
            plan = query(p.getSelect());
        } else {
            throw source.unsupported("The query form " + select.getClass().getSimpleName(), select);
        }
        return limit(orderBy(plan, select.getOrderByElements()), select);
    }

    private void defineCte(WithItem<?> item, Select owner) {
        if (item.isRecursive()) {
            throw source.unsupportedAtWord("WITH RECURSIVE", "recursive", owner);
        }
        if (item.getSelect() == null) {
            throw source.unsupported("A WITH item that is not a query (" + item + ")", owner);
        }
        String name = Names.unquote(item.getAliasName());
        LogicalPlan plan = query(item.getSelect().getSelect());
        List<SelectItem<?>> columns = item.getWithItemList();
        if (columns != null && !columns.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (SelectItem<?> c : columns) {
                names.add(Names.unquote(c.getExpression().toString()));
            }
            plan = renamed(plan, names, name);
        }
        ctes.peek().put(name, plan);
    }

    /** The plan of the common table expression {@code name} in scope, or null. */
    LogicalPlan cte(String name) {
        for (Map<String, LogicalPlan> scope : ctes) {
            LogicalPlan p = scope.get(name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The names a FROM clause can refer to here: common table expressions, then views. */
    List<String> relationNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, LogicalPlan> scope : ctes) {
            names.addAll(scope.keySet());
        }
        names.addAll(catalog.names());
        return new ArrayList<>(names);
    }

    /** {@code plan} with its columns renamed to {@code names} ({@code t(x, y)}, {@code WITH c(x, y)}). */
    LogicalPlan renamed(LogicalPlan plan, List<String> names, String what) {
        List<AttributeReference> out = plan.output();
        if (out.size() != names.size()) {
            throw new AnalysisException("[ASSIGNMENT_ARITY_MISMATCH] " + what + " has " + out.size()
                    + " columns, but " + names.size() + " column names were given: " + names + ".");
        }
        List<NamedExpression> list = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            list.add(Alias.of(out.get(i), names.get(i)));
        }
        return new Project(list, plan);
    }

    // ---- set operations -----------------------------------------------------------------------

    private LogicalPlan setOperations(SetOperationList set) {
        List<Select> selects = set.getSelects();
        LogicalPlan plan = query(selects.get(0));
        for (int i = 1; i < selects.size(); i++) {
            LogicalPlan right = query(selects.get(i));
            SetOperation op = set.getOperations().get(i - 1);
            if (op instanceof UnionOp) {
                plan = SetOperations.union(plan, right);
                if (!op.isAll()) {
                    plan = distinct(plan);
                }
            } else if (op instanceof IntersectOp) {
                plan = SetOperations.intersect(plan, right, op.isAll());
            } else if (op instanceof ExceptOp || op instanceof MinusOp) {
                plan = SetOperations.except(plan, right, op.isAll());
            } else {
                throw source.unsupported("The set operation " + op, set);
            }
        }
        return plan;
    }

    /** {@code df.distinct()}: an aggregate grouping by every column. */
    static LogicalPlan distinct(LogicalPlan plan) {
        return SetOperations.distinct(plan);
    }

    // ---- ORDER BY and LIMIT of a whole query ------------------------------------------------------

    /** {@code plan} sorted by keys that name (or number) its output columns. */
    private LogicalPlan orderBy(LogicalPlan plan, List<OrderByElement> elements) {
        if (elements == null || elements.isEmpty()) {
            return plan;
        }
        ExpressionTranslator ex = new ExpressionTranslator(source, functions, new WindowTranslator.NamedWindows(null));
        List<SortOrder> order = new ArrayList<>();
        for (OrderByElement o : elements) {
            SortOrder s = ex.sortOrder(o);
            Expression key = o.getExpression() instanceof LongValue v
                    ? position(v, plan.output(), "ORDER BY", o) : resolve(s.child(), plan.output(), o);
            order.add(new SortOrder(key, s.ascending(), s.nullsFirst()));
        }
        return new Sort(order, true, plan);
    }

    /** The output column {@code v} (from 1) of {@code output}, for {@code GROUP BY 2} or {@code ORDER BY 1}. */
    AttributeReference position(LongValue v, List<AttributeReference> output, String clause, Object node) {
        long p = v.getValue();
        if (p < 1 || p > output.size()) {
            throw source.locate(new AnalysisException("[" + clause.replace(' ', '_') + "_POS_OUT_OF_RANGE] " + clause
                    + " position " + p + " is not in select list (valid range is [1, " + output.size() + "])."), node);
        }
        return output.get((int) p - 1);
    }

    /** {@code e} resolved against {@code input}, errors located at {@code node}. */
    Expression resolve(Expression e, List<AttributeReference> input, Object node) {
        try {
            return analyzer.resolve(e, input);
        } catch (AnalysisException failure) {
            throw source.locate(failure, node);
        }
    }

    /** {@code plan} limited by the query's {@code LIMIT}, if any. */
    LogicalPlan limit(LogicalPlan plan, Select select) {
        net.sf.jsqlparser.statement.select.Limit limit = select.getLimit();
        if (limit == null || limit.isLimitAll() || limit.isLimitNull()) {
            return plan;
        }
        if (limit.getOffset() != null || limit.getByExpressions() != null) {
            throw source.unsupported("LIMIT with an offset or BY", limit);
        }
        if (!(limit.getRowCount() instanceof LongValue v) || v.getValue() > Integer.MAX_VALUE) {
            throw source.unsupported("A LIMIT that is not an integer literal (" + limit.getRowCount() + ")", limit);
        }
        return new Limit((int) v.getValue(), plan);
    }

    /** Whether two names are the same under the session's case sensitivity. */
    boolean sameName(String a, String b) {
        return caseSensitive ? a.equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
