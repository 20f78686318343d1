package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.Repartition;
import io.ember.dataframe.internal.plan.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rewrites every expression of one plan node (not its children). */
final class PlanExpressions {
    private PlanExpressions() {
    }

    static LogicalPlan map(LogicalPlan plan, UnaryOperator<Expression> f) {
        if (plan instanceof Project p) {
            List<NamedExpression> list = mapNamed(p.projectList(), f);
            return list.equals(p.projectList()) ? p : new Project(list, p.child());
        }
        if (plan instanceof Filter fl) {
            Expression c = f.apply(fl.condition());
            return c.equals(fl.condition()) ? fl : new Filter(c, fl.child());
        }
        if (plan instanceof Aggregate a) {
            List<Expression> g = new ArrayList<>();
            for (Expression e : a.groupingExpressions()) {
                g.add(f.apply(e));
            }
            List<NamedExpression> list = mapNamed(a.aggregateExpressions(), f);
            return g.equals(a.groupingExpressions()) && list.equals(a.aggregateExpressions()) ? a
                    : new Aggregate(g, list, a.child());
        }
        if (plan instanceof Join j && j.condition() != null) {
            Expression c = f.apply(j.condition());
            return c.equals(j.condition()) ? j : j.withCondition(c);
        }
        if (plan instanceof Sort s) {
            List<SortOrder> order = new ArrayList<>();
            for (SortOrder o : s.order()) {
                order.add((SortOrder) f.apply(o));
            }
            return order.equals(s.order()) ? s : new Sort(order, s.global(), s.child());
        }
        if (plan instanceof Repartition r && !r.partitionExpressions().isEmpty()) {
            List<Expression> es = new ArrayList<>();
            for (Expression e : r.partitionExpressions()) {
                es.add(f.apply(e));
            }
            return es.equals(r.partitionExpressions()) ? r
                    : new Repartition(r.numPartitions(), r.shuffle(), es, r.child());
        }
        return plan;
    }

    private static List<NamedExpression> mapNamed(List<NamedExpression> list, UnaryOperator<Expression> f) {
        List<NamedExpression> out = new ArrayList<>();
        for (NamedExpression e : list) {
            out.add((NamedExpression) f.apply(e));
        }
        return out;
    }
}
