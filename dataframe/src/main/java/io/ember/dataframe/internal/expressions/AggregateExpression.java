package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.List;

/**
 * An aggregate call such as {@code sum(x)} or {@code count(DISTINCT x)}. Not evaluable row by
 * row: the aggregate operators compute it per group. {@code ignoreNulls} matters for
 * {@code first}/{@code last} only.
 */
public record AggregateExpression(AggFn fn, Expression child, boolean distinct, boolean ignoreNulls)
        implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new AggregateExpression(fn, c.get(0), distinct, ignoreNulls);
    }

    @Override
    public DataType dataType() {
        return fn.resultType(child.dataType());
    }

    @Override
    public boolean nullable() {
        return switch (fn) {
            case COUNT, COLLECT_LIST, COLLECT_SET -> false;
            default -> true;
        };
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException("aggregate " + explain() + " cannot be evaluated outside an aggregation");
    }

    @Override
    public String render(List<String> c) {
        return fn.sqlName() + "(" + (distinct ? "DISTINCT " : "") + c.get(0) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
