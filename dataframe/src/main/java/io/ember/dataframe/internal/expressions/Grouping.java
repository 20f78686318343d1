package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/**
 * {@code grouping(col)}: 1 when the grouping column {@code child} is rolled up (not part of the
 * grouping set of the row's group, so the column shows NULL), 0 when the row's group is grouped
 * by it. Only meaningful in an aggregation with grouping sets ({@code ROLLUP}, {@code CUBE},
 * {@code GROUPING SETS}): building that aggregation replaces this marker with a
 * {@link GroupingBit} of the grouping id, so it is never evaluated itself. Spark returns a
 * {@code tinyint}; Ember has no byte type and returns an {@code int}.
 */
public record Grouping(Expression child) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new Grouping(c.get(0));
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
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("grouping(" + child.sql() + ") was not replaced by its grouping-id bit: "
                + "the aggregation has no grouping sets");
    }

    @Override
    public String render(List<String> c) {
        return "grouping(" + c.get(0) + ")";
    }
}
