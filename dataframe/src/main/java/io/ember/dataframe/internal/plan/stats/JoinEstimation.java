package io.ember.dataframe.internal.plan.stats;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a join, after Spark's {@code JoinEstimation}. An inner equi-join on {@code l = r}
 * gives {@code |L| * |R| / max(ndv(l), ndv(r))} when both distinct counts are counted, the most
 * selective key pair deciding when there are several. Otherwise (footers and file sizes give no
 * distinct counts) the key is taken as unique in the smaller of the two relations the columns
 * were read from, the foreign key of the other: {@code |L| * |R| / min(rows(l's relation),
 * rows(r's relation))}, which keeps the foreign-key side's rows times the share of keys the
 * other side's filters left (a side without statistics counts its own rows as its relation's);
 * when both keys are whole numbers with known ranges, the larger range bounds that count.
 * A join without keys is the product. Outer joins keep at least the rows
 * of their preserved sides; semi and anti joins at most the left's rows. Other conditions than
 * the equalities do not change the estimate.
 */
final class JoinEstimation {
    private JoinEstimation() {
    }

    /** The rows and columns of joining {@code left} and {@code right} with {@code type} on {@code condition}. */
    static RowEstimate estimate(JoinType type, Statistics left, Set<Long> leftIds, Statistics right,
                                                     Set<Long> rightIds, List<Expression> conjuncts) {
        long l = Math.max(0, left.rowCount());
        long r = Math.max(0, right.rowCount());
        Map<Long, ColumnStat> columns = new HashMap<>(left.columns());
        if (type.leftOnly()) {
            return new RowEstimate(l, columns);
        }
        columns.putAll(right.columns());
        double inner = (double) l * r;
        for (Expression[] key : keys(conjuncts, leftIds, rightIds)) {
            AttributeReference lc = NumericDomain.column(key[0]);
            AttributeReference rc = NumericDomain.column(key[1]);
            ColumnStat ls = lc == null ? ColumnStat.UNKNOWN : left.column(lc.exprId());
            ColumnStat rs = rc == null ? ColumnStat.UNKNOWN : right.column(rc.exprId());
            long ndv = ls.hasDistinctCount() && rs.hasDistinctCount() ? Math.max(ls.distinctCount(), rs.distinctCount())
                    : Math.min(ls.hasSourceRows() ? ls.sourceRows() : l, rs.hasSourceRows() ? rs.sourceRows() : r);
            if (!(ls.hasDistinctCount() && rs.hasDistinctCount()) && lc != null && rc != null) {
                // Whole-number keys hold at most as many values as their ranges: a key of 25 values
                // (a nation) is far from unique in a relation of 10,000 rows.
                long lr = LeafStatistics.distinctEstimate(ls, lc.dataType(), l);
                long rr = LeafStatistics.distinctEstimate(rs, rc.dataType(), r);
                if (lr > 0 && rr > 0) {
                    ndv = Math.min(ndv, Math.max(lr, rr));
                }
            }
            inner = Math.min(inner, (double) l * r / Math.max(1, ndv));
            if (lc != null && rc != null && ls.hasDistinctCount() && rs.hasDistinctCount()) {
                ColumnStat joined = ls.withDistinctCount(Math.min(ls.distinctCount(), rs.distinctCount()));
                columns.put(lc.exprId(), joined);
                columns.put(rc.exprId(), rs.withDistinctCount(joined.distinctCount()));
            }
        }
        double rows = switch (type) {
            case LEFT_OUTER -> Math.max(inner, l);
            case RIGHT_OUTER -> Math.max(inner, r);
            case FULL_OUTER -> Math.max(inner, l) + Math.max(inner, r) - inner;
            default -> inner;
        };
        long n = rows >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(rows);
        Map<Long, ColumnStat> capped = new HashMap<>();
        for (Map.Entry<Long, ColumnStat> e : columns.entrySet()) {
            capped.put(e.getKey(), e.getValue().cappedAt(n));
        }
        return new RowEstimate(n, capped);
    }

    /** The equalities of {@code conjuncts} between a left and a right expression, each as [left, right]. */
    static List<Expression[]> keys(List<Expression> conjuncts, Set<Long> leftIds, Set<Long> rightIds) {
        List<Expression[]> keys = new ArrayList<>();
        for (Expression c : conjuncts) {
            if (c instanceof Comparison cmp && cmp.op() == CmpOp.EQ && !cmp.left().referenceIds().isEmpty()
                    && !cmp.right().referenceIds().isEmpty()) {
                if (leftIds.containsAll(cmp.left().referenceIds()) && rightIds.containsAll(cmp.right().referenceIds())) {
                    keys.add(new Expression[] {cmp.left(), cmp.right()});
                } else if (leftIds.containsAll(cmp.right().referenceIds())
                        && rightIds.containsAll(cmp.left().referenceIds())) {
                    keys.add(new Expression[] {cmp.right(), cmp.left()});
                }
            }
        }
        return keys;
    }
}
