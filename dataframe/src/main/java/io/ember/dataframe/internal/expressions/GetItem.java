package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.MapData;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.MapType;
import java.util.List;

/**
 * {@code xs[i]} (0-based) of an array or {@code m[k]} of a map, as {@code getItem} gives them:
 * null for an index out of range or a missing key (Spark without ANSI mode). The key is already
 * cast to int or to the map's key type.
 */
public record GetItem(Expression child, Expression key) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child, key);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new GetItem(c.get(0), c.get(1));
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        return t instanceof MapType m ? m.valueType() : ((ArrayType) t).elementType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector collections = child.eval(input);
        ColumnVector keys = key.eval(input);
        ColumnVector out = ColumnVector.allocate(dataType(), input.numRows);
        for (int i = 0; i < input.numRows; i++) {
            Object c = collections.get(i);
            Object k = keys.get(i);
            if (c == null || k == null) {
                out.appendNull();
            } else if (c instanceof MapData m) {
                out.append(m.get(k));
            } else {
                List<?> list = (List<?>) c;
                int at = (Integer) k;
                out.append(at >= 0 && at < list.size() ? list.get(at) : null);
            }
        }
        return out;
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
