package io.ember.dataframe.window;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;
import java.util.Locale;

/**
 * {@code row_number()}, {@code rank()} or {@code dense_rank()}: a position within the ordered
 * partition. Only meaningful inside a {@link WindowExpression}; the window operator computes it.
 *
 * @param kind which ranking
 */
public record RankingFunction(Kind kind) implements Expression {

    /** The ranking functions. */
    public enum Kind {
        /** 1, 2, 3... in order, ties broken arbitrarily. */
        ROW_NUMBER,
        /** 1 + the number of rows before the current row's peers (ties share a rank, gaps follow). */
        RANK,
        /** 1 + the number of distinct peer groups before the current row's (no gaps). */
        DENSE_RANK;

        /** The SQL name. */
        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withNewChildren(List<Expression> children) {
        return this;
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
        throw new IllegalStateException(kind.sqlName() + "() can only be computed by a window operator");
    }

    @Override
    public String render(List<String> childTexts) {
        return kind.sqlName() + "()";
    }

    @Override
    public String toString() {
        return explain();
    }
}
