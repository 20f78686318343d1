package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/** {@code EXISTS (SELECT ...)}: true when {@code plan} returns a row; never null. */
public record Exists(LogicalPlan plan, String text) implements SubqueryExpression, LeafExpression {

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String render(List<String> childTexts) {
        return "exists(" + text + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
