package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * A tree of inner (and cross) joins taken apart: the relations it joins, the conditions between
 * them (join conditions and the conditions of filters between the joins), and the shape it had.
 * The walk goes through inner and cross joins, filters above them and projections of columns
 * only (column pruning puts those between joins; the output of the whole group is restored on
 * top). Anything else is a relation of the group, including outer, semi and anti joins, which
 * are barriers: their inputs are reordered as groups of their own.
 *
 * @param leaves     the relations, in the order the tree lists them
 * @param conditions the conjuncts over them
 * @param shape      the original tree: a leaf index, or a pair of shapes
 */
record JoinGroup(List<LogicalPlan> leaves, List<Expression> conditions, Shape shape) {

    /** The original tree's shape, over the indexes of {@link #leaves}. */
    sealed interface Shape permits Leaf, Pair {
    }

    record Leaf(int index) implements Shape {
    }

    record Pair(Shape left, Shape right) implements Shape {
    }

    /**
     * The group rooted at {@code root} (an inner or cross join), or null when it must be left as
     * written: a {@code broadcast} hint inside, or a condition that is not deterministic.
     */
    static JoinGroup of(Join root) {
        List<LogicalPlan> leaves = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        Shape shape = walk(root, leaves, conditions);
        return shape == null ? null : new JoinGroup(List.copyOf(leaves), List.copyOf(conditions), shape);
    }

    /** Whether {@code plan} is a join a group is made of. */
    static boolean innerOrCross(LogicalPlan plan) {
        return plan instanceof Join j && (j.joinType() == JoinType.INNER || j.joinType() == JoinType.CROSS);
    }

    private static Shape walk(LogicalPlan plan, List<LogicalPlan> leaves, List<Expression> conditions) {
        LogicalPlan below = throughFiltersAndColumnProjects(plan);
        if (!innerOrCross(below)) {
            leaves.add(plan);
            return new Leaf(leaves.size() - 1);
        }
        if (!collectFilters(plan, conditions)) {
            return null;
        }
        Join j = (Join) below;
        if (j.broadcastLeft() || j.broadcastRight() || !deterministic(j.condition(), conditions)) {
            return null;
        }
        Shape left = walk(j.left(), leaves, conditions);
        Shape right = left == null ? null : walk(j.right(), leaves, conditions);
        return right == null ? null : new Pair(left, right);
    }

    /** The node below the filters and column-only projections at {@code plan}. */
    private static LogicalPlan throughFiltersAndColumnProjects(LogicalPlan plan) {
        LogicalPlan p = plan;
        while (p instanceof Filter || (p instanceof Project proj && columnsOnly(proj))) {
            p = p.children().get(0);
        }
        return p;
    }

    private static boolean collectFilters(LogicalPlan plan, List<Expression> conditions) {
        LogicalPlan p = plan;
        while (!(p instanceof Join)) {
            if (p instanceof Filter f && !deterministic(f.condition(), conditions)) {
                return false;
            }
            p = p.children().get(0);
        }
        return true;
    }

    private static boolean deterministic(Expression condition, List<Expression> into) {
        if (condition == null) {
            return true;
        }
        List<Expression> conjuncts = Predicates.splitConjuncts(condition);
        for (Expression c : conjuncts) {
            if (!c.deterministic()) {
                return false;
            }
        }
        into.addAll(conjuncts);
        return true;
    }

    private static boolean columnsOnly(Project p) {
        for (NamedExpression e : p.projectList()) {
            if (!(e instanceof AttributeReference)) {
                return false;
            }
        }
        return true;
    }
}
