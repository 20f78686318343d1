package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/**
 * Whether a row may still enter the top-N above it: its first sort key does not sort after the
 * top-N's current cutoff ({@link TopNBound}). A condition a scan evaluates with its late filters,
 * so that it decodes the other columns only for such rows. Never null.
 *
 * @param key the top-N's first sort key, over the scan's columns
 * @param bound the cutoff its top-N tightens
 */
record TopNBoundFilter(Expression key, TopNBound bound) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(key);
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return new TopNBoundFilter(children.get(0), bound);
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
        int n = input.numRows;
        boolean[] pass = new boolean[n];
        bound.mayEnter(key.eval(input), n, pass);
        return ColumnVector.ofBooleans(DataTypes.BooleanType, pass, null, n);
    }

    @Override
    public String render(List<String> childTexts) {
        return "topn_bound(" + bound.firstKey().render(childTexts) + ")";
    }
}
