package io.ember.dataframe.internal.window;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;
import java.util.List;

/**
 * {@code lag(input, offset, default)} or {@code lead(...)}: the value of {@code input}
 * {@code offset} rows before (lag) or after (lead) the current row in the ordered partition, or
 * {@code defaultValue} (evaluated on the current row) where there is no such row. Only meaningful
 * inside a {@link WindowExpression}.
 *
 * @param lead         lead (true) or lag (false)
 * @param input        the value to look up
 * @param offset       how many rows away (may be negative, which swaps lag and lead)
 * @param defaultValue the value when the row is outside the partition; cast to the input type once resolved
 */
public record OffsetFunction(boolean lead, Expression input, int offset, Expression defaultValue)
        implements WindowFunction {

    /** The signed distance from the current row to the row read (negative: before). */
    public int rowDelta() {
        return lead ? offset : -offset;
    }

    @Override
    public List<Expression> children() {
        return List.of(input, defaultValue);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new OffsetFunction(lead, c.get(0), offset, c.get(1));
    }

    @Override
    public DataType dataType() {
        return input.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public String render(List<String> c) {
        return (lead ? "lead(" : "lag(") + c.get(0) + ", " + offset + ", " + c.get(1) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
