package io.ember.dataframe.internal.window;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.LeafExpression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;
import java.util.Locale;

/**
 * {@code row_number()}, {@code rank()}, {@code dense_rank()}, {@code percent_rank()},
 * {@code cume_dist()} or {@code ntile(n)}: a position within the ordered partition. Only
 * meaningful inside a {@link WindowExpression}; the window operator computes it.
 *
 * @param kind    which ranking
 * @param buckets the number of groups of {@code ntile}; 0 for the others
 */
public record RankingFunction(Kind kind, int buckets) implements WindowFunction, LeafExpression {

    /** The ranking functions. */
    public enum Kind {
        /** 1, 2, 3... in order, ties broken arbitrarily. */
        ROW_NUMBER,
        /** 1 + the number of rows before the current row's peers (ties share a rank, gaps follow). */
        RANK,
        /** 1 + the number of distinct peer groups before the current row's (no gaps). */
        DENSE_RANK,
        /** {@code (rank - 1) / (rows in partition - 1)}, 0 in a partition of one row. */
        PERCENT_RANK,
        /** The fraction of the partition's rows up to and including the current row's last peer. */
        CUME_DIST,
        /** The group (1 to n) of the row when the partition is cut into n groups as equal as possible. */
        NTILE;

        /** The SQL name. */
        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A checked ranking function.
     *
     * @throws AnalysisException if {@code ntile} has no positive number of groups, or another
     *     ranking function has one
     */
    public RankingFunction {
        if (kind == Kind.NTILE && buckets <= 0) {
            throw new AnalysisException("[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve \"ntile(" + buckets
                    + ")\" due to data type mismatch: The number of buckets of ntile must be positive, but got "
                    + buckets + ".");
        }
        if (kind != Kind.NTILE && buckets != 0) {
            throw new IllegalArgumentException(kind.sqlName() + "() takes no number of buckets");
        }
    }

    /** {@code row_number()}, {@code rank()}, ... (any kind but {@code ntile}). */
    public RankingFunction(Kind kind) {
        this(kind, 0);
    }

    /** {@code ntile(buckets)}. */
    public static RankingFunction ntile(int buckets) {
        return new RankingFunction(Kind.NTILE, buckets);
    }

    @Override
    public DataType dataType() {
        return kind == Kind.PERCENT_RANK || kind == Kind.CUME_DIST ? DataTypes.DoubleType : DataTypes.IntegerType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String render(List<String> childTexts) {
        return kind.sqlName() + (kind == Kind.NTILE ? "(" + buckets + ")" : "()");
    }

    @Override
    public String toString() {
        return explain();
    }
}
