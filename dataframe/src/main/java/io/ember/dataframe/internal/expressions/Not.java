package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/** {@code NOT child}; null stays null. */
public record Not(Expression child) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new Not(c.get(0));
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector a = child.eval(input);
        int n = input.numRows;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = !a.booleans[i];
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, Vectors.copyNulls(a, n), n);
    }

    @Override
    public String render(List<String> c) {
        return "(NOT " + c.get(0) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
