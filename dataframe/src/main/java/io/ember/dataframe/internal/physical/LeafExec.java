package io.ember.dataframe.internal.physical;

import java.util.List;

/** An operator without inputs. */
public abstract class LeafExec extends PhysicalPlan {
    @Override
    public List<PhysicalPlan> children() {
        return List.of();
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
        return this;
    }
}
