package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.List;

/** A filter that is always true disappears; one that is always false or null becomes an empty relation. */
public final class PruneFilters implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (plan instanceof Filter f && f.condition() instanceof Literal l) {
            if (Boolean.TRUE.equals(l.value())) {
                return f.child();
            }
            return new LocalRelation(f.output(), List.of());
        }
        return plan;
    }
}
