package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructType;
import java.util.List;

/** Field {@code ordinal} (named {@code name}) of a struct: {@code s.a}, {@code col("s").getField("a")}. */
public record GetStructField(Expression child, int ordinal, String name) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new GetStructField(c.get(0), ordinal, name);
    }

    @Override
    public DataType dataType() {
        return ((StructType) child.dataType()).apply(ordinal).dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable() || ((StructType) child.dataType()).apply(ordinal).nullable();
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector structs = child.eval(input);
        ColumnVector out = ColumnVector.allocate(dataType(), input.numRows);
        for (int i = 0; i < input.numRows; i++) {
            List<?> fields = (List<?>) structs.get(i);
            out.append(fields == null ? null : fields.get(ordinal));
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        return c.get(0) + "." + name;
    }

    @Override
    public String toString() {
        return explain();
    }
}
