package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/**
 * Bit {@code shift} of the grouping id {@code groupingId} (a non-null {@code bigint}) as 0 or 1:
 * what {@link Grouping} computes once the aggregation's grouping-id column exists. Spark computes
 * {@code grouping(c)} the same way, as {@code (spark_grouping_id >> shift) & 1}.
 */
public record GroupingBit(Expression groupingId, int shift, String column) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(groupingId);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new GroupingBit(c.get(0), shift, column);
    }

    @Override
    public DataType dataType() {
        return DataTypes.IntegerType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector id = groupingId.eval(input);
        int n = input.numRows;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) ((id.longs[i] >>> shift) & 1L);
        }
        return ColumnVector.ofInts(DataTypes.IntegerType, out, null, n);
    }

    /** Named as the call it computes, so result columns read {@code grouping(a)} as in Spark. */
    @Override
    public String render(List<String> c) {
        return "grouping(" + column + ")";
    }
}
