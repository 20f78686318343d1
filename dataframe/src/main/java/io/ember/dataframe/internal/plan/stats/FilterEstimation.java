package io.ember.dataframe.internal.plan.stats;

import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.In;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.Or;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The share of rows a filter condition keeps, and what it tells about the columns it tests,
 * after Spark's {@code FilterEstimation}. Equality with a literal keeps 1/(distinct count) (for
 * whole numbers without a counted one, the values in the known range), or
 * {@value #UNKNOWN_EQUALITY} when that is unknown, and none outside a known range; a range
 * comparison keeps the part of the known range it covers (values taken as evenly spread), or
 * {@value #UNKNOWN_RANGE_TEXT}; {@code IS NULL} keeps the known share of nulls, or
 * {@value #UNKNOWN_NULL}; {@code AND} multiplies, {@code OR} adds less the overlap, {@code NOT}
 * takes the rest; a condition of another shape ({@code LIKE}, functions) keeps
 * {@value #UNKNOWN_RANGE_TEXT}. Under {@code AND}, each conjunct narrows the column statistics
 * the next one sees ({@code x = 5} leaves one distinct value and the range [5, 5]).
 *
 * <p>One instance estimates one filter; its working copy of the column statistics is its own.
 */
final class FilterEstimation {
    static final double UNKNOWN_EQUALITY = 0.1;
    static final double UNKNOWN_RANGE = 1.0 / 3;
    static final String UNKNOWN_RANGE_TEXT = "1/3";
    static final double UNKNOWN_NULL = 0.1;

    private final long rows;
    private final Map<Long, ColumnStat> columns;

    private FilterEstimation(Statistics child) {
        this.rows = Math.max(0, child.rowCount());
        this.columns = new HashMap<>(child.columns());
    }

    /** The rows and column statistics left by filtering {@code child} with {@code condition}. */
    static RowEstimate estimate(Expression condition, Statistics child) {
        FilterEstimation f = new FilterEstimation(child);
        double selectivity = f.selectivity(condition, true);
        long kept = (long) Math.ceil(f.rows * clamp(selectivity));
        Map<Long, ColumnStat> capped = new HashMap<>();
        for (Map.Entry<Long, ColumnStat> e : f.columns.entrySet()) {
            capped.put(e.getKey(), e.getValue().cappedAt(kept));
        }
        return new RowEstimate(kept, capped);
    }

    /** The share of {@code condition} alone on {@code child}, without narrowing anything. */
    static double selectivity(Expression condition, Statistics child) {
        return clamp(new FilterEstimation(child).selectivity(condition, false));
    }

    private double selectivity(Expression e, boolean update) {
        if (e instanceof And a) {
            return selectivity(a.left(), update) * selectivity(a.right(), update);
        }
        if (e instanceof Or o) {
            double l = clamp(selectivity(o.left(), false));
            double r = clamp(selectivity(o.right(), false));
            return l + r - l * r;
        }
        if (e instanceof Not n) {
            return 1 - clamp(selectivity(n.child(), false));
        }
        if (e instanceof Literal l) {
            return Boolean.TRUE.equals(l.value()) ? 1 : 0;
        }
        if (e instanceof IsNull n) {
            return isNull(n, update);
        }
        if (e instanceof Comparison c) {
            return comparison(c, update);
        }
        if (e instanceof In in) {
            return in(in, update);
        }
        return UNKNOWN_RANGE;
    }

    private double isNull(IsNull n, boolean update) {
        AttributeReference a = NumericDomain.column(n.child());
        if (a == null) {
            return n.negated() ? 1 - UNKNOWN_NULL : UNKNOWN_NULL;
        }
        ColumnStat s = stat(a);
        double nullShare;
        if (!a.nullable()) {
            nullShare = 0;
        } else if (s.hasNullCount() && rows > 0) {
            nullShare = Math.min(1.0, (double) s.nullCount() / rows);
        } else {
            nullShare = UNKNOWN_NULL;
        }
        if (update && n.negated()) {
            columns.put(a.exprId(), s.withNullCount(0));
        }
        return n.negated() ? 1 - nullShare : nullShare;
    }

    private double comparison(Comparison c, boolean update) {
        AttributeReference leftColumn = NumericDomain.column(c.left());
        AttributeReference rightColumn = NumericDomain.column(c.right());
        if (leftColumn != null && c.right() instanceof Literal lit) {
            return columnAgainstLiteral(c.op(), leftColumn, lit, update);
        }
        if (rightColumn != null && c.left() instanceof Literal lit) {
            return columnAgainstLiteral(c.op().flip(), rightColumn, lit, update);
        }
        if (leftColumn != null && rightColumn != null && (c.op() == CmpOp.EQ || c.op() == CmpOp.EQ_NULL_SAFE)) {
            ColumnStat l = stat(leftColumn);
            ColumnStat r = stat(rightColumn);
            if (l.hasDistinctCount() && r.hasDistinctCount()) {
                return 1.0 / Math.max(1, Math.max(l.distinctCount(), r.distinctCount()));
            }
            return UNKNOWN_EQUALITY;
        }
        return c.op() == CmpOp.EQ || c.op() == CmpOp.EQ_NULL_SAFE ? UNKNOWN_EQUALITY : UNKNOWN_RANGE;
    }

    private double columnAgainstLiteral(CmpOp op, AttributeReference a, Literal lit, boolean update) {
        if (lit.value() == null) {
            return op == CmpOp.EQ_NULL_SAFE ? isNull(new IsNull(a, false), update) : 0;
        }
        ColumnStat s = stat(a);
        double v = NumericDomain.ordered(lit.dataType()) ? NumericDomain.of(lit.value()) : Double.NaN;
        boolean ranged = s.hasRange() && !Double.isNaN(v);
        switch (op) {
            case EQ, EQ_NULL_SAFE -> {
                if (ranged && (v < s.min() || v > s.max())) {
                    return 0;
                }
                long ndv = LeafStatistics.distinctEstimate(s, a.dataType(), rows);
                double sel = ndv >= 0 ? 1.0 / Math.max(1, ndv) : UNKNOWN_EQUALITY;
                if (update) {
                    ColumnStat one = s.withDistinctCount(1);
                    columns.put(a.exprId(), Double.isNaN(v) ? one : one.withRange(v, v));
                }
                return sel;
            }
            case NEQ -> {
                long ndv = LeafStatistics.distinctEstimate(s, a.dataType(), rows);
                return 1 - (ndv >= 0 ? 1.0 / Math.max(1, ndv) : UNKNOWN_EQUALITY);
            }
            default -> {
                if (!ranged) {
                    return UNKNOWN_RANGE;
                }
                return range(op, a, s, v, update);
            }
        }
    }

    /** {@code a op v} over the known range of {@code a}, values taken as evenly spread. */
    private double range(CmpOp op, AttributeReference a, ColumnStat s, double v, boolean update) {
        boolean below = op == CmpOp.LT || op == CmpOp.LE;
        double share;
        if (s.max() == s.min()) {
            share = op.test(Double.compare(s.min(), v)) ? 1 : 0;
        } else {
            share = clamp(below ? (v - s.min()) / (s.max() - s.min()) : (s.max() - v) / (s.max() - s.min()));
        }
        if (update) {
            ColumnStat narrowed = below ? s.withRange(s.min(), Math.max(s.min(), Math.min(s.max(), v)))
                    : s.withRange(Math.min(s.max(), Math.max(s.min(), v)), s.max());
            if (s.hasDistinctCount()) {
                narrowed = narrowed.withDistinctCount((long) Math.ceil(s.distinctCount() * share));
            }
            columns.put(a.exprId(), narrowed);
        }
        return share;
    }

    private double in(In in, boolean update) {
        AttributeReference a = NumericDomain.column(in.children().get(0));
        if (a == null) {
            return UNKNOWN_RANGE;
        }
        ColumnStat s = stat(a);
        TreeSet<Double> places = new TreeSet<>();
        Set<Object> seen = new HashSet<>();
        int values = 0;
        for (Expression item : in.children().subList(1, in.children().size())) {
            if (!(item instanceof Literal lit)) {
                return UNKNOWN_RANGE;
            }
            if (lit.value() == null || !seen.add(lit.value())) {
                continue;
            }
            double v = NumericDomain.of(lit.value());
            if (s.hasRange() && !Double.isNaN(v) && (v < s.min() || v > s.max())) {
                continue;
            }
            values++;
            if (!Double.isNaN(v)) {
                places.add(v);
            }
        }
        long ndv = LeafStatistics.distinctEstimate(s, a.dataType(), rows);
        double sel = ndv >= 0 ? (double) values / Math.max(1, ndv) : values * UNKNOWN_EQUALITY;
        if (update) {
            ColumnStat narrowed = s.withDistinctCount(s.hasDistinctCount() ? Math.min(s.distinctCount(), values) : values);
            if (!places.isEmpty() && places.size() == values) {
                narrowed = narrowed.withRange(places.first(), places.last());
            }
            columns.put(a.exprId(), narrowed);
        }
        return clamp(sel);
    }

    private ColumnStat stat(AttributeReference a) {
        return columns.getOrDefault(a.exprId(), ColumnStat.UNKNOWN);
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
