package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/** A resolved reference to a column of a plan's output, identified by {@code exprId}. */
public record AttributeReference(String name, DataType dataType, boolean nullable, long exprId, String qualifier)
        implements NamedExpression, LeafExpression {

    /** A fresh attribute (new id, no qualifier). */
    public static AttributeReference create(String name, DataType type, boolean nullable) {
        return new AttributeReference(name, type, nullable, ExprIds.next(), null);
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("Attribute " + explain() + " was not bound to an input column");
    }

    @Override
    public String render(List<String> childTexts) {
        return name;
    }

    @Override
    public String explain() {
        return name + "#" + exprId;
    }

    @Override
    public AttributeReference toAttribute() {
        return this;
    }

    /** A copy with another nullability. */
    public AttributeReference withNullability(boolean n) {
        return n == nullable ? this : new AttributeReference(name, dataType, n, exprId, qualifier);
    }

    /** A copy with another qualifier. */
    public AttributeReference withQualifier(String q) {
        return new AttributeReference(name, dataType, nullable, exprId, q);
    }

    /** A copy with another name. */
    public AttributeReference withName(String n) {
        return new AttributeReference(n, dataType, nullable, exprId, qualifier);
    }

    /** Whether both refer to the same value. */
    public boolean semanticEquals(AttributeReference o) {
        return o.exprId == exprId;
    }

    @Override
    public String toString() {
        return explain();
    }
}
