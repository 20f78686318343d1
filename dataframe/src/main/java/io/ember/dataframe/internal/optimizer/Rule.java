package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.plan.LogicalPlan;

/**
 * One optimizer rewrite. A rule only rewrites: the {@link Optimizer} decides where it is applied
 * (every node top-down, or the whole plan once for rules that need the root) and repeats the
 * rules until the plan stops changing. A rule returns its argument unchanged (the same
 * instance) when it does not apply.
 */
public interface Rule {

    /** The rule's name, as shown by the optimizer's trace and used to exclude it. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Whether the rule takes the whole plan (true) or one node at a time (false). */
    default boolean wholePlan() {
        return false;
    }

    /** The rewritten node (or plan), or {@code plan} itself if nothing applies. */
    LogicalPlan apply(LogicalPlan plan);
}
