package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/**
 * The value of a scalar subquery that may return several rows: {@code value} where
 * {@code rowCount} (the number of rows the subquery returned for this row, null for none) is
 * at most 1, and an error naming the subquery otherwise.
 */
public record SingleRowCheck(Expression value, Expression rowCount, String subquery) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(value, rowCount);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new SingleRowCheck(c.get(0), c.get(1), subquery);
    }

    @Override
    public DataType dataType() {
        return value.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector counts = rowCount.eval(input);
        for (int i = 0; i < input.numRows; i++) {
            if (!counts.isNull(i) && ((Number) counts.get(i)).longValue() > 1) {
                throw new IllegalStateException("[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a "
                        + "subquery used as an expression: " + subquery);
            }
        }
        return value.eval(input);
    }

    @Override
    public String render(List<String> c) {
        return "singlerow(" + c.get(0) + ", " + c.get(1) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
