package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/** Column {@code ordinal} of the input batch: an attribute after binding. */
public record BoundReference(int ordinal, DataType dataType, boolean nullable, String name) implements LeafExpression {

    @Override
    public ColumnVector eval(ColumnBatch input) {
        return input.columns[ordinal];
    }

    @Override
    public String render(List<String> childTexts) {
        return name;
    }

    @Override
    public String explain() {
        return "input[" + ordinal + ", " + dataType.simpleString() + "]";
    }
}
