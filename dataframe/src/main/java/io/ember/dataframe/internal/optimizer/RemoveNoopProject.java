package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import java.util.List;

/** A projection that passes its child's columns through unchanged, in order, disappears. */
public final class RemoveNoopProject implements Rule {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!(plan instanceof Project p)) {
            return plan;
        }
        List<AttributeReference> childOut = p.child().output();
        if (childOut.size() != p.projectList().size()) {
            return plan;
        }
        for (int i = 0; i < childOut.size(); i++) {
            NamedExpression e = p.projectList().get(i);
            if (!(e instanceof AttributeReference a) || a.exprId() != childOut.get(i).exprId()
                    || !a.name().equals(childOut.get(i).name())) {
                return plan;
            }
        }
        return p.child();
    }
}
