package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/**
 * {@code grouping_id(cols...)}: the grouping id of the row's group, a {@code bigint} with one
 * bit per grouping column, the first column the most significant, set when that column is
 * rolled up: {@code (grouping(c1) << (n-1)) + ... + grouping(cn)}. As in Spark, the columns must
 * be none or exactly the GROUP BY columns in order. A marker like {@link Grouping}, replaced by
 * the grouping-id column when the aggregation with grouping sets is built.
 */
// Deliberately apart from Grouping, as in Spark: both are markers replaced when the grouping
// sets are built; they differ in arity, type and what replaces them.
public record GroupingId(List<Expression> children) implements Expression {

    public GroupingId {
        children = List.copyOf(children);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new GroupingId(c);
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException(sql() + " was not replaced by the grouping id: the aggregation has no "
                + "grouping sets");
    }

    @Override
    public String render(List<String> c) {
        return "grouping_id(" + String.join(", ", c) + ")";
    }
}
