package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.UserDefinedCall;
import io.ember.dataframe.internal.plan.FileScan;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hands the conjuncts of a filter directly above a file scan to the scan, which uses them to
 * skip row groups and partitions. The filter stays: the scan may still return rows that fail it.
 */
public final class PushFiltersIntoScan implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!(plan instanceof Filter f) || !(f.child() instanceof FileScan scan)) {
            return plan;
        }
        Set<Long> ids = scan.outputIds();
        List<Expression> pushed = new ArrayList<>(scan.pushedFilters());
        for (Expression c : Predicates.splitConjuncts(f.condition())) {
            if (c.deterministic() && !c.exists(x -> x instanceof UserDefinedCall)
                    && Predicates.refersOnlyTo(c, ids) && !pushed.contains(c)) {
                pushed.add(c);
            }
        }
        if (pushed.size() == scan.pushedFilters().size()) {
            return plan;
        }
        return new Filter(f.condition(), new FileScan(scan.source(), scan.fullOutput(), scan.output(), pushed));
    }
}
