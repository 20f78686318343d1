package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.optimizer.Predicates;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import io.ember.dataframe.internal.plan.Union;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.internal.window.RankingFunction;
import io.ember.dataframe.internal.window.WindowExpression;
import io.ember.dataframe.internal.window.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The set operations, built once for both front ends ({@code df.union}, {@code df.intersect},
 * ... and SQL's {@code UNION}, {@code INTERSECT}, {@code EXCEPT}), as Spark's analyzer and
 * optimizer rewrite them. Columns match by position, each pair widened to a common type.
 *
 * <ul>
 *   <li>{@code UNION ALL} is a {@link Union}; {@code UNION} adds a distinct.</li>
 *   <li>{@code INTERSECT} / {@code EXCEPT} are a distinct over a left semi / anti join on every
 *       column compared null-safely (NULL matches NULL, as set operations require).</li>
 *   <li>{@code INTERSECT ALL} / {@code EXCEPT ALL} keep duplicates: each side numbers the copies
 *       of equal rows ({@code row_number()} over a window partitioned by every column), and the
 *       semi / anti join matches the columns and the copy number. A row that appears m times on
 *       the left and n times on the right is kept min(m, n) times by {@code INTERSECT ALL} and
 *       max(m - n, 0) times by {@code EXCEPT ALL}, with no operator that replicates rows.</li>
 * </ul>
 */
public final class SetOperations {
    private static final String OCCURRENCE = "__occurrence";

    private SetOperations() {
    }

    /** {@code UNION ALL}: the rows of both, by position, types widened. */
    public static LogicalPlan union(LogicalPlan left, LogicalPlan right) {
        List<DataType> common = commonTypes(left, right, "UNION");
        return new Union(List.of(widen(left, common), widen(right, common)));
    }

    /** {@code INTERSECT} ({@code all} false: distinct rows) or {@code INTERSECT ALL}. */
    public static LogicalPlan intersect(LogicalPlan left, LogicalPlan right, boolean all) {
        return all ? matchCopies(left, right, JoinType.LEFT_SEMI, "INTERSECT ALL")
                : distinct(matchRows(left, right, JoinType.LEFT_SEMI, "INTERSECT"));
    }

    /** {@code EXCEPT} ({@code all} false: distinct rows) or {@code EXCEPT ALL}. */
    public static LogicalPlan except(LogicalPlan left, LogicalPlan right, boolean all) {
        return all ? matchCopies(left, right, JoinType.LEFT_ANTI, "EXCEPT ALL")
                : distinct(matchRows(left, right, JoinType.LEFT_ANTI, "EXCEPT"));
    }

    /** {@code df.distinct()}: an aggregate grouping by every column. */
    public static LogicalPlan distinct(LogicalPlan plan) {
        return new Aggregate(new ArrayList<>(plan.output()), new ArrayList<>(plan.output()), plan);
    }

    /**
     * {@code right}, or a copy with fresh column ids if it shares some with {@code left} (the
     * same relation on both sides of a self-join or set operation), keeping its alias so that
     * {@code b.id} still resolves.
     */
    public static LogicalPlan withDistinctIds(LogicalPlan left, LogicalPlan right) {
        Set<Long> leftIds = left.outputIds();
        boolean clash = false;
        for (Long id : right.outputIds()) {
            clash |= leftIds.contains(id);
        }
        if (!clash) {
            return right;
        }
        if (right instanceof SubqueryAlias a) {
            return new SubqueryAlias(a.alias(), withFreshIds(a.child()));
        }
        return withFreshIds(right);
    }

    /** {@code plan} under a projection giving each column a fresh id (its name kept). */
    public static LogicalPlan withFreshIds(LogicalPlan plan) {
        List<NamedExpression> list = new ArrayList<>();
        for (AttributeReference a : plan.output()) {
            list.add(Alias.of(a, a.name()));
        }
        return new Project(list, plan);
    }

    /** The rows of {@code left} with (semi) or without (anti) an equal row, nulls equal, in {@code right}. */
    private static LogicalPlan matchRows(LogicalPlan left, LogicalPlan right, JoinType type, String op) {
        List<DataType> common = commonTypes(left, right, op);
        LogicalPlan l = widen(left, common);
        LogicalPlan r = withDistinctIds(l, widen(right, common));
        return new Join(l, r, type, allEqual(l.output(), r.output(), common.size()), false, false);
    }

    /** As {@link #matchRows}, each copy of a row matched with the copy of the same number on the right. */
    private static LogicalPlan matchCopies(LogicalPlan left, LogicalPlan right, JoinType type, String op) {
        List<DataType> common = commonTypes(left, right, op);
        LogicalPlan l = numbered(widen(left, common));
        LogicalPlan r = numbered(withDistinctIds(l, widen(right, common)));
        Join join = new Join(l, r, type, allEqual(l.output(), r.output(), common.size() + 1), false, false);
        return new Project(new ArrayList<>(l.output().subList(0, common.size())), join);
    }

    /** {@code plan} with a column numbering the copies of each distinct row 1, 2, 3... */
    private static LogicalPlan numbered(LogicalPlan plan) {
        List<Expression> columns = new ArrayList<>(plan.output());
        List<SortOrder> order = new ArrayList<>();
        for (Expression c : columns) {
            order.add(SortOrder.asc(c));
        }
        WindowExpression copy = WindowExpression.of(new RankingFunction(RankingFunction.Kind.ROW_NUMBER), columns,
                order, null);
        List<NamedExpression> list = new ArrayList<>(plan.output());
        list.add(Alias.of(copy, OCCURRENCE));
        return Windows.project(list, plan);
    }

    private static Expression allEqual(List<AttributeReference> l, List<AttributeReference> r, int n) {
        List<Expression> conditions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            conditions.add(new Comparison(CmpOp.EQ_NULL_SAFE, l.get(i), r.get(i)));
        }
        return Predicates.and(conditions);
    }

    private static List<DataType> commonTypes(LogicalPlan left, LogicalPlan right, String op) {
        List<AttributeReference> a = left.output();
        List<AttributeReference> b = right.output();
        if (a.size() != b.size()) {
            throw new AnalysisException("[NUM_COLUMNS_MISMATCH] " + op + " can only be performed on inputs with the "
                    + "same number of columns, but the first input has " + a.size() + " columns and the second input "
                    + "has " + b.size() + " columns.");
        }
        List<DataType> common = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            DataType t = TypeCoercion.commonType(List.of(a.get(i).dataType(), b.get(i).dataType()));
            if (t == null) {
                throw new AnalysisException("[INCOMPATIBLE_COLUMN_TYPE] " + op + " can only be performed on inputs "
                        + "with compatible column types. The column " + (i + 1) + " (`" + a.get(i).name() + "`) of "
                        + "the second input has type \"" + b.get(i).dataType().sql() + "\", not compatible with \""
                        + a.get(i).dataType().sql() + "\".");
            }
            common.add(t);
        }
        return common;
    }

    private static LogicalPlan widen(LogicalPlan p, List<DataType> types) {
        List<AttributeReference> out = p.output();
        boolean same = true;
        List<NamedExpression> list = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            AttributeReference a = out.get(i);
            if (a.dataType().equals(types.get(i))) {
                list.add(a);
            } else {
                same = false;
                list.add(Alias.of(TypeCoercion.cast(a, types.get(i)), a.name()));
            }
        }
        return same ? p : new Project(list, p);
    }
}
