package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/** Names the value of {@code child}: {@code child AS name}. */
public record Alias(Expression child, String name, long exprId) implements NamedExpression {

    /** An alias with a fresh id. */
    public static Alias of(Expression child, String name) {
        return new Alias(child, name, ExprIds.next());
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new Alias(children.get(0), name, exprId);
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        return child.eval(input);
    }

    @Override
    public String render(List<String> childTexts) {
        return childTexts.get(0) + " AS " + name;
    }

    @Override
    public String sql() {
        return name;
    }

    @Override
    public String explain() {
        return child.explain() + " AS " + name + "#" + exprId;
    }

    @Override
    public AttributeReference toAttribute() {
        return new AttributeReference(name, child.dataType(), child.nullable(), exprId, null);
    }
}
