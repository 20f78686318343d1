package io.ember.dataframe.internal.expressions;

/** An expression with a name: an attribute or an alias. Projections are lists of these. */
public interface NamedExpression extends Expression {

    /** The output name. */
    String name();

    /** The unique id of the value this produces. */
    long exprId();

    /** The attribute that refers to this expression's output. */
    AttributeReference toAttribute();
}
