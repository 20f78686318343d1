package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/**
 * {@code getField} / {@code getItem} before the type of {@code child} is known; type coercion
 * turns it into a {@link GetStructField} (a struct and a field name) or a {@link GetItem} (an
 * array and an index, a map and a key).
 */
// Deliberately apart from GetItem, as in Spark: this one is the unresolved form that the
// analyzer turns into GetItem or GetStructField once the child's type is known.
public record UnresolvedExtractValue(Expression child, Expression key) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child, key);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new UnresolvedExtractValue(c.get(0), c.get(1));
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("the type of " + sql() + " is not known before analysis");
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException(sql() + " is not resolved");
    }

    @Override
    public String render(List<String> c) {
        return c.get(0) + "[" + c.get(1) + "]";
    }

    @Override
    public String toString() {
        return explain();
    }
}
