package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.LogicalPlan;

/** Two filters in a row become one: {@code Filter(a, Filter(b, x))} is {@code Filter(b AND a, x)}. */
public final class CombineFilters implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (plan instanceof Filter outer && outer.child() instanceof Filter inner
                && outer.condition().deterministic() && inner.condition().deterministic()) {
            return new Filter(new And(inner.condition(), outer.condition()), inner.child());
        }
        return plan;
    }
}
