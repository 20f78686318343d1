package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.window.WindowPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves the parts of a filter above a window operator that test only its partition columns below
 * it: such a filter keeps or drops whole window partitions, so the window values of the rows kept
 * do not change, and fewer rows are shuffled and sorted. Other conditions (on window results, or
 * on ordinary columns, which would change what a partition holds) stay above.
 */
public final class PushPredicateThroughWindow implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!(plan instanceof Filter f) || !(f.child() instanceof WindowPlan w) || !f.condition().deterministic()) {
            return plan;
        }
        Set<Long> partitionColumns = new HashSet<>();
        for (Expression p : w.partitionSpec()) {
            if (p instanceof AttributeReference a) {
                partitionColumns.add(a.exprId());
            }
        }
        List<Expression> pushed = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression c : Predicates.splitConjuncts(f.condition())) {
            boolean onPartitionColumns = !c.referenceIds().isEmpty() && partitionColumns.containsAll(c.referenceIds());
            (onPartitionColumns && c.deterministic() ? pushed : kept).add(c);
        }
        if (pushed.isEmpty()) {
            return plan;
        }
        LogicalPlan window = w.withNewChildren(List.of(new Filter(Predicates.and(pushed), w.child())));
        return kept.isEmpty() ? window : new Filter(Predicates.and(kept), window);
    }
}
