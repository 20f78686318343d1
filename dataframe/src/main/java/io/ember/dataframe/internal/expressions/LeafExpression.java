package io.ember.dataframe.internal.expressions;

import java.util.List;

/**
 * An expression without children, as Spark's LeafExpression: a column reference, a literal, a
 * generator such as {@code rand()}. Deliberately parallel to LeafPlan and LeafExec: one leaf
 * interface per tree type, as Spark has one per tree.
 */
public interface LeafExpression extends Expression {

    @Override
    default List<Expression> children() {
        return List.of();
    }

    /** This node itself: a leaf has no children to replace. */
    @Override
    default Expression withNewChildren(List<Expression> children) {
        return this;
    }
}
