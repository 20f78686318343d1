package io.ember.dataframe.internal.window;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.Expression;

/**
 * A function that only a window operator computes, from the rows around each row:
 * {@link RankingFunction}, {@link OffsetFunction}, {@link NthValueFunction}. It is never
 * constant, and outside a {@link WindowExpression} (SQL's {@code OVER}) it is an error.
 */
public interface WindowFunction extends Expression {

    @Override
    default boolean foldable() {
        return false;
    }

    /**
     * Always fails: the window operator computes this function.
     *
     * @throws IllegalStateException always
     */
    @Override
    default ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException(sql() + " can only be computed by a window operator");
    }
}
