package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/** The first non-null of its children (coerced to one type), or null. */
public record Coalesce(List<Expression> children) implements Expression {

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new Coalesce(List.copyOf(c));
    }

    @Override
    public DataType dataType() {
        return children.get(0).dataType();
    }

    @Override
    public boolean nullable() {
        for (Expression c : children) {
            if (!c.nullable()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        int n = input.numRows;
        ColumnVector[] values = new ColumnVector[children.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = children.get(k).eval(input);
        }
        ColumnVector out = ColumnVector.allocate(dataType(), n);
        for (int i = 0; i < n; i++) {
            ColumnVector pick = null;
            for (ColumnVector v : values) {
                if (!v.isNull(i)) {
                    pick = v;
                    break;
                }
            }
            if (pick == null) {
                out.appendNull();
            } else {
                out.appendFrom(pick, i);
            }
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        return "coalesce(" + String.join(", ", c) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
