package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/**
 * {@code value IN (list...)}: true if equal to an element; otherwise null if the value or an
 * element is null, else false. Children are {@code value, e1, e2, ...}.
 */
public record In(List<Expression> children) implements Expression {

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new In(List.copyOf(c));
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        for (Expression c : children) {
            if (c.nullable()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        int n = input.numRows;
        ColumnVector value = children.get(0).eval(input);
        ColumnVector[] list = new ColumnVector[children.size() - 1];
        for (int k = 0; k < list.length; k++) {
            list[k] = children.get(k + 1).eval(input);
        }
        boolean[] out = new boolean[n];
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (value.isNull(i)) {
                nulls = mark(nulls, i, n);
                continue;
            }
            boolean sawNull = false;
            for (ColumnVector e : list) {
                if (e.isNull(i)) {
                    sawNull = true;
                } else if (value.valueEquals(i, e, i)) {
                    out[i] = true;
                    break;
                }
            }
            if (!out[i] && sawNull) {
                nulls = mark(nulls, i, n);
            }
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, nulls, n);
    }

    private static boolean[] mark(boolean[] nulls, int i, int n) {
        boolean[] m = nulls == null ? new boolean[n] : nulls;
        m[i] = true;
        return m;
    }

    @Override
    public String render(List<String> c) {
        return "(" + c.get(0) + " IN (" + String.join(", ", c.subList(1, c.size())) + "))";
    }

    @Override
    public String toString() {
        return explain();
    }
}
