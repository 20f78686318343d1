package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/** A sort key: {@code child ASC NULLS FIRST} (the default) or {@code DESC NULLS LAST}, etc. */
// Deliberately a record of its own, like Alias: both pass their child's type and values
// through, and a record cannot share that code through a superclass.
public record SortOrder(Expression child, boolean ascending, boolean nullsFirst) implements Expression {

    /** Ascending, nulls first (Spark's default). */
    public static SortOrder asc(Expression e) {
        return new SortOrder(e, true, true);
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new SortOrder(c.get(0), ascending, nullsFirst);
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
    public String render(List<String> c) {
        return c.get(0) + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

    @Override
    public String toString() {
        return explain();
    }
}
