package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/**
 * {@code value IN (SELECT c FROM ...)} with SQL's three-valued logic: true when some row equals
 * {@code value}; otherwise null when {@code value} is null (and the subquery returns a row) or
 * some row is null; otherwise false.
 */
public record InSubquery(Expression value, LogicalPlan plan, String text) implements SubqueryExpression {

    @Override
    public List<Expression> children() {
        return List.of(value);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new InSubquery(children.get(0), plan, text);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public String render(List<String> childTexts) {
        return "(" + childTexts.get(0) + " IN " + text + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
