package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/** Three-valued {@code AND}: false wins over null, null over true. */
public record And(Expression left, Expression right) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new And(c.get(0), c.get(1));
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector a = left.eval(input);
        ColumnVector b = right.eval(input);
        return Vectors.threeValued(a, b, input.numRows, false);
    }

    @Override
    public String render(List<String> c) {
        return "(" + c.get(0) + " AND " + c.get(1) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
