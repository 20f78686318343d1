package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Coalesce;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.BroadcastHint;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The joins both front ends build, built once: {@code DataFrame.join(...)} and SQL's
 * {@code JOIN ... ON}, {@code USING (...)} and {@code NATURAL JOIN} come here, so that a join
 * means the same in either.
 */
public final class Joins {
    private Joins() {
    }

    /**
     * A join of {@code left} and {@code right} on {@code condition} (null for none) that carries the
     * {@code broadcast(df)} hints of its sides, also when a side's hint sits under an alias.
     */
    public static Join hinted(LogicalPlan left, LogicalPlan right, JoinType type, Expression condition) {
        LogicalPlan l = unhinted(left);
        LogicalPlan r = unhinted(right);
        return new Join(l, r, type, condition, l != left, r != right);
    }

    private static LogicalPlan unhinted(LogicalPlan p) {
        if (p instanceof BroadcastHint h) {
            return h.child();
        }
        if (p instanceof SubqueryAlias a && a.child() instanceof BroadcastHint h) {
            return new SubqueryAlias(a.alias(), h.child());
        }
        return p;
    }

    /**
     * An equi-join on the columns {@code names} that both sides have, projected to one copy of each
     * (the right side's for a right outer join, both coalesced for a full outer join) followed by
     * the other columns of the left and then the right side, as Spark's {@code USING} join.
     *
     * @throws AnalysisException naming the side and its columns when a name resolves on one side only
     */
    public static LogicalPlan using(Analyzer analyzer, LogicalPlan left, LogicalPlan right, List<String> names,
                                    JoinType type) {
        List<Expression> conditions = new ArrayList<>();
        List<AttributeReference[]> pairs = new ArrayList<>();
        for (String name : names) {
            AttributeReference l = usingColumn(analyzer, name, left.output(), "left");
            AttributeReference r = usingColumn(analyzer, name, right.output(), "right");
            pairs.add(new AttributeReference[] {l, r});
            conditions.add(TypeCoercion.coerce(new Comparison(CmpOp.EQ, l, r)));
        }
        Join join = hinted(left, right, type, Predicates.and(conditions));
        List<AttributeReference> out = join.output();
        List<NamedExpression> list = new ArrayList<>();
        Set<Long> used = new LinkedHashSet<>();
        for (AttributeReference[] p : pairs) {
            used.add(p[0].exprId());
            used.add(p[1].exprId());
            AttributeReference l = outputVersion(out, p[0]);
            AttributeReference r = outputVersion(out, p[1]);
            switch (type) {
                case RIGHT_OUTER -> list.add(r);
                case FULL_OUTER -> list.add(Alias.of(TypeCoercion.coerce(new Coalesce(List.of(l, r))), p[0].name()));
                default -> list.add(l);
            }
        }
        for (AttributeReference a : out) {
            if (!used.contains(a.exprId())) {
                list.add(a);
            }
        }
        return new Project(list, join);
    }

    /** A USING column is one name, never a qualified path: {@code "a.b"} names a column called {@code a.b}. */
    private static AttributeReference usingColumn(Analyzer analyzer, String name, List<AttributeReference> attrs,
                                                  String side) {
        String part = name.indexOf('.') < 0 && name.indexOf('`') < 0 ? name : "`" + name.replace("`", "``") + "`";
        try {
            return analyzer.lookup(part, attrs);
        } catch (AnalysisException e) {
            List<String> quoted = new ArrayList<>();
            for (AttributeReference a : attrs) {
                quoted.add("`" + a.name() + "`");
            }
            throw new AnalysisException("[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `" + name + "` cannot be "
                    + "resolved on the " + side + " side of the join. The " + side + "-side columns: ["
                    + String.join(", ", quoted) + "].", e);
        }
    }

    /** {@code a} as the join outputs it (an outer join makes the outer side's columns nullable). */
    private static AttributeReference outputVersion(List<AttributeReference> out, AttributeReference a) {
        for (AttributeReference o : out) {
            if (o.exprId() == a.exprId()) {
                return o;
            }
        }
        return a;
    }
}
