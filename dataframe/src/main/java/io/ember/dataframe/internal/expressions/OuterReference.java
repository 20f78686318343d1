package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/**
 * A column of an enclosing query read inside a subquery ({@code o_orderkey} in
 * {@code EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey)}). It is a leaf, so the
 * subquery's own operators neither resolve nor track it; the optimizer's subquery rewrites
 * turn the predicates holding it into join conditions, where it becomes {@link #attribute()}
 * again.
 */
public record OuterReference(AttributeReference attribute) implements LeafExpression {

    @Override
    public DataType dataType() {
        return attribute.dataType();
    }

    @Override
    public boolean nullable() {
        return attribute.nullable();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("the outer reference " + explain()
                + " is evaluated only after the optimizer rewrote its subquery into a join");
    }

    @Override
    public String render(List<String> childTexts) {
        return attribute.sql();
    }

    @Override
    public String explain() {
        return "outer(" + attribute.explain() + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
