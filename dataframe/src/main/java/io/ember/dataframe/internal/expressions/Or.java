package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/** Three-valued {@code OR}: true wins over null, null over false. */
// Deliberately a record apart from And, as in Spark; both evaluate through Vectors.threeValued.
public record Or(Expression left, Expression right) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new Or(c.get(0), c.get(1));
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
        return Vectors.threeValued(a, b, input.numRows, true);
    }

    @Override
    public String render(List<String> c) {
        return "(" + c.get(0) + " OR " + c.get(1) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
