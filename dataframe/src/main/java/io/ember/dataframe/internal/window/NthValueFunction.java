package io.ember.dataframe.internal.window;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;
import java.util.List;

/**
 * {@code nth_value(input, n [IGNORE NULLS])}: the value of {@code input} on the {@code n}-th row
 * (from 1) of the current row's window frame, counting only rows where it is not null when
 * {@code ignoreNulls}; null when the frame has fewer rows. Like an aggregate it honours the frame
 * (by default up to the current row's last peer in an ordered window). Only meaningful inside a
 * {@link WindowExpression}.
 *
 * @param input       the value to read
 * @param n           which row of the frame, from 1
 * @param ignoreNulls whether rows where {@code input} is null are skipped
 */
public record NthValueFunction(Expression input, int n, boolean ignoreNulls) implements WindowFunction {

    /**
     * A checked {@code nth_value}.
     *
     * @throws AnalysisException if {@code n} is not positive
     */
    public NthValueFunction {
        if (n <= 0) {
            throw new AnalysisException("[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve \"nth_value("
                    + input.sql() + ", " + n + ")\" due to data type mismatch: The offset of nth_value must be positive, but got "
                    + n + ".");
        }
    }

    @Override
    public List<Expression> children() {
        return List.of(input);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new NthValueFunction(c.get(0), n, ignoreNulls);
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
        return "nth_value(" + c.get(0) + ", " + n + ")" + (ignoreNulls ? " IGNORE NULLS" : "");
    }

    @Override
    public String toString() {
        return explain();
    }
}
