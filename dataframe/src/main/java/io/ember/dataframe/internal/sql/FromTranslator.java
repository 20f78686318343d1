package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.Joins;
import io.ember.dataframe.internal.analysis.SetOperations;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.BroadcastHint;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Alias.AliasColumn;
import net.sf.jsqlparser.expression.OracleHint;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

/**
 * Translates a {@code FROM} clause: views and common table expressions (each under its name, or
 * its alias, so that {@code t.col} resolves), subqueries, direct file queries
 * ({@code parquet.`path`}) and joins, left to right.
 *
 * <p>Joins build what {@code DataFrame.join} builds: the condition resolved against both sides,
 * {@code USING (k)} as an equi-join projected to one {@code k} (the right side's for a right
 * join, coalesced for a full join), and a relation that appears twice (a self-join) given fresh
 * column ids on its second appearance so that {@code a.id = b.id} compares two columns.
 */
final class FromTranslator {
    private static final Set<String> FILE_FORMATS = Set.of("csv", "parquet", "json", "text");

    private static final Pattern HINT = Pattern.compile("(\\w+)\\s*\\(([^)]*)\\)");
    private static final Set<String> BROADCAST_HINTS = Set.of("BROADCAST", "BROADCASTJOIN", "MAPJOIN");

    private final QueryTranslator q;
    private final ExpressionTranslator ex;
    private final Set<String> broadcast;

    /** A translator of a FROM clause whose relations named in {@code broadcast} are hinted for broadcasting. */
    FromTranslator(QueryTranslator q, ExpressionTranslator ex, Set<String> broadcast) {
        this.q = q;
        this.ex = ex;
        this.broadcast = broadcast;
    }

    /**
     * The relations named by the {@code BROADCAST(t, ...)} hints (also {@code BROADCASTJOIN} and
     * {@code MAPJOIN}) of a {@code SELECT /*+ ...} comment: joined, they are broadcast whatever
     * their size, as {@code broadcast(df)} marks a DataFrame. Other hints are ignored, as Spark
     * ignores hints it does not know.
     */
    static Set<String> broadcastHints(OracleHint hint) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (hint == null || hint.getValue() == null) {
            return names;
        }
        Matcher m = HINT.matcher(hint.getValue());
        while (m.find()) {
            if (BROADCAST_HINTS.contains(m.group(1).toUpperCase(Locale.ROOT))) {
                for (String name : m.group(2).split(",")) {
                    names.add(Names.unquote(name.trim()));
                }
            }
        }
        return names;
    }

    /** The plan of {@code from} joined with {@code joins} in order. */
    LogicalPlan plan(FromItem from, List<net.sf.jsqlparser.statement.select.Join> joins) {
        LogicalPlan plan = relation(from);
        if (joins != null) {
            for (net.sf.jsqlparser.statement.select.Join j : joins) {
                plan = join(plan, j);
            }
        }
        return plan;
    }

    private LogicalPlan relation(FromItem item) {
        if (item.getUnPivot() != null || item.getSampleClause() != null) {
            throw q.source.unsupported("UNPIVOT and TABLESAMPLE", item);
        }
        LogicalPlan plan;
        String name;
        if (item instanceof Table t) {
            String schema = t.getSchemaName();
            name = Names.unquote(t.getName());
            if (schema != null && FILE_FORMATS.contains(Names.unquote(schema).toLowerCase(Locale.ROOT))
                    && t.getName().startsWith("`")) {
                plan = q.files.read(Names.unquote(schema).toLowerCase(Locale.ROOT), name);
                name = null;
            } else if (schema != null || t.getDatabaseName() != null) {
                throw q.source.locate(SessionCatalog.notFound(t.getFullyQualifiedName(), q.relationNames()), t);
            } else {
                plan = q.distinctFromOuter(table(name, t));
            }
        } else if (item instanceof ParenthesedSelect p) {
            plan = q.query(p.getSelect());
            name = null;
        } else if (item instanceof ParenthesedFromItem p) {
            plan = plan(p.getFromItem(), p.getJoins());
            name = null;
        } else {
            throw q.source.unsupported("The FROM item " + item, item);
        }
        net.sf.jsqlparser.expression.Alias alias = item.getAlias();
        if (alias != null) {
            name = Names.unquote(alias.getName());
            List<AliasColumn> columns = alias.getAliasColumns();
            if (columns != null && !columns.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (AliasColumn c : columns) {
                    names.add(Names.unquote(c.name));
                }
                plan = q.renamed(plan, names, "The relation " + name);
            }
        }
        if (name != null && broadcast.contains(name)) {
            plan = new BroadcastHint(plan);
        }
        LogicalPlan relation = name == null ? plan : new SubqueryAlias(name, plan);
        return item.getPivot() == null ? relation : PivotTranslator.apply(item.getPivot(), relation, q, ex);
    }

    /** A common table expression in scope, else a view. */
    private LogicalPlan table(String name, Table node) {
        LogicalPlan cte = q.cte(name);
        if (cte != null) {
            return cte;
        }
        if (!q.catalog.exists(name)) {
            throw q.source.locate(SessionCatalog.notFound(name, q.relationNames()), node);
        }
        return q.catalog.resolve(name);
    }

    private LogicalPlan join(LogicalPlan left, net.sf.jsqlparser.statement.select.Join j) {
        LogicalPlan right = SetOperations.withDistinctIds(left, relation(j.getRightItem()));
        JoinType type;
        if (j.isCross()) {
            type = JoinType.CROSS;
        } else if (j.isFull()) {
            type = JoinType.FULL_OUTER;
        } else if (j.isLeft()) {
            type = !j.isSemi() ? JoinType.LEFT_OUTER : q.source.isAntiJoin(j) ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI;
        } else if (j.isRight()) {
            type = JoinType.RIGHT_OUTER;
        } else if (j.isSemi()) {
            type = JoinType.LEFT_SEMI;
        } else {
            type = JoinType.INNER;
        }
        if (j.isApply() || j.isWindowJoin() || j.isStraight()) {
            throw q.source.unsupported("This kind of join", j);
        }
        List<Column> using = j.getUsingColumns();
        if (j.isNatural()) {
            return Joins.using(q.analyzer, left, right, commonNames(left, right), type);
        }
        if (using != null && !using.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Column c : using) {
                names.add(Names.unquote(c.getColumnName()));
            }
            return Joins.using(q.analyzer, left, right, names, type);
        }
        if (j.getOnExpressions() != null && !j.getOnExpressions().isEmpty()) {
            if (type == JoinType.CROSS) {
                type = JoinType.INNER;
            }
            List<Expression> conditions = new ArrayList<>();
            for (net.sf.jsqlparser.expression.Expression on : j.getOnExpressions()) {
                conditions.add(ex.translate(on));
            }
            List<AttributeReference> both = new ArrayList<>(left.output());
            both.addAll(right.output());
            Expression condition;
            try {
                condition = q.analyzer.resolveCondition(Predicates.and(conditions), both, "Join");
                Subqueries.checkNoSubquery(condition, "a JOIN condition");
            } catch (AnalysisException e) {
                throw q.source.locate(e, j.getOnExpressions().iterator().next());
            }
            return Joins.hinted(left, right, type, condition);
        }
        if (type != JoinType.INNER && type != JoinType.CROSS) {
            throw q.source.unsupported("A " + type.display() + " join without ON or USING", j);
        }
        return Joins.hinted(left, right, type, null);
    }

    private static List<String> commonNames(LogicalPlan left, LogicalPlan right) {
        List<String> names = new ArrayList<>();
        for (AttributeReference l : left.output()) {
            for (AttributeReference r : right.output()) {
                if (l.name().equalsIgnoreCase(r.name()) && !names.contains(l.name())) {
                    names.add(l.name());
                }
            }
        }
        return names;
    }
}
