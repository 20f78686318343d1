package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.SubqueryAlias;

/**
 * Removes {@link SubqueryAlias} nodes ({@code df.as("t")}, and every table a SQL query names).
 * They only matter while names are resolved; once the plan is analyzed, attributes are bound by
 * id, so the optimized plan of a SQL query and of the same DataFrame code are the same tree.
 */
public final class EliminateSubqueryAliases implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan instanceof SubqueryAlias a ? a.child() : plan;
    }
}
