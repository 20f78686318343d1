package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Two projections in a row become one, the inner one's aliases substituted into the outer one. */
public final class CollapseProject implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!(plan instanceof Project outer) || !(outer.child() instanceof Project inner)) {
            return plan;
        }
        for (NamedExpression e : inner.projectList()) {
            if (!e.deterministic()) {
                return plan;
            }
        }
        Map<Long, Expression> aliases = Predicates.aliases(inner.projectList());
        List<NamedExpression> merged = new ArrayList<>();
        for (NamedExpression e : outer.projectList()) {
            if (e instanceof AttributeReference a && aliases.containsKey(a.exprId())) {
                merged.add(new Alias(aliases.get(a.exprId()), a.name(), a.exprId()));
            } else {
                merged.add((NamedExpression) Predicates.substitute(e, aliases));
            }
        }
        return new Project(merged, inner.child());
    }
}
