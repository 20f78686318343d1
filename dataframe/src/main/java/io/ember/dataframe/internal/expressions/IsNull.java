package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/** {@code child IS NULL} (or {@code IS NOT NULL} when {@code negated}); never null. */
public record IsNull(Expression child, boolean negated) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new IsNull(c.get(0), negated);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector a = child.eval(input);
        int n = input.numRows;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = a.isNull(i) != negated;
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, null, n);
    }

    @Override
    public String render(List<String> c) {
        return "(" + c.get(0) + (negated ? " IS NOT NULL)" : " IS NULL)");
    }

    @Override
    public String explain() {
        return (negated ? "isnotnull(" : "isnull(") + child.explain() + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
