package io.ember.dataframe.internal.plan;

import java.util.List;

/** A plan without inputs. */
public interface LeafPlan extends LogicalPlan {
    @Override
    default List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    default LogicalPlan withNewChildren(List<LogicalPlan> children) {
        return this;
    }
}
