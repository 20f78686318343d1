package io.ember.dataframe.internal.io.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The WHERE clauses that split a JDBC read into partitions, one query (and one connection) per
 * clause. By stride (Spark's {@code JDBCRelation.columnPartition}): {@code numPartitions} ranges
 * of width {@code upperBound/n - lowerBound/n} starting at {@code lowerBound}; the bounds only
 * decide the stride, they filter nothing: the first partition is open below and also takes the
 * NULLs, the last is open above. Or by the user's predicates, one partition each.
 */
final class JdbcPartitioning {
    private JdbcPartitioning() {
    }

    /** One partition reading everything. */
    static List<String> whole() {
        return Collections.singletonList(null);
    }

    /** The stride clauses over a numeric column: the values are their own literals. */
    static List<String> byStride(String column, long lowerBound, long upperBound, int requestedPartitions) {
        return byStride(column, lowerBound, upperBound, requestedPartitions, Long::toString);
    }

    /**
     * The stride clauses over the (already quoted) {@code column}, whose values are longs (days
     * for dates, microseconds for timestamps) written in SQL by {@code literal}; null stands for
     * "no WHERE".
     *
     * @throws IllegalArgumentException naming both bounds if the lower is above the upper
     */
    static List<String> byStride(String column, long lowerBound, long upperBound, int requestedPartitions,
                                 LongFunction<String> literal) {
        if (requestedPartitions <= 1 || lowerBound == upperBound) {
            return whole();
        }
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("Operation not allowed: the lower bound of partitioning column is larger "
                    + "than the upper bound. Lower bound: " + literal.apply(lowerBound) + "; Upper bound: "
                    + literal.apply(upperBound));
        }
        long width = upperBound - lowerBound;
        int n = width >= requestedPartitions || width < 0 ? requestedPartitions : (int) width;
        long stride = upperBound / n - lowerBound / n;
        List<String> clauses = new ArrayList<>(n);
        long current = lowerBound;
        for (int i = 0; i < n; i++) {
            String lower = i != 0 ? column + " >= " + literal.apply(current) : null;
            current += stride;
            String upper = i != n - 1 ? column + " < " + literal.apply(current) : null;
            if (upper == null) {
                clauses.add(lower);
            } else if (lower == null) {
                clauses.add(upper + " or " + column + " is null");
            } else {
                clauses.add(lower + " AND " + upper);
            }
        }
        return clauses;
    }

    /**
     * One partition per predicate, as given.
     *
     * @throws IllegalArgumentException if there is no predicate or one is blank
     */
    static List<String> byPredicates(String[] predicates) {
        if (predicates.length == 0) {
            throw new IllegalArgumentException("jdbc(url, table, predicates, properties) needs at least one predicate");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < predicates.length; i++) {
            if (predicates[i] == null || predicates[i].isBlank()) {
                throw new IllegalArgumentException("JDBC predicate " + i + " is empty");
            }
            out.add(predicates[i]);
        }
        return out;
    }
}
