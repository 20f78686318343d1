package io.ember.dataframe.expressions;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/** A column named by the user, not yet looked up: {@code col("a")}, {@code col("t.a")}. */
public record UnresolvedAttribute(String name) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return this;
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("dataType of the unresolved column " + name);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("cannot evaluate the unresolved column " + name);
    }

    @Override
    public String render(List<String> childTexts) {
        return name;
    }
}
