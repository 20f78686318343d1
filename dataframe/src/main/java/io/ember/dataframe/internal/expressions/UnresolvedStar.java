package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/** {@code col("*")} or {@code col("t.*")}: every column (of the qualifier, if given). */
public record UnresolvedStar(String qualifier) implements LeafExpression {

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("dataType of *");
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("cannot evaluate *");
    }

    @Override
    public String render(List<String> childTexts) {
        return qualifier == null ? "*" : qualifier + ".*";
    }
}
