package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A node of a logical plan: what to compute, not how. Nodes are immutable records compared
 * structurally; the analyzer builds them resolved (every expression refers to its children's
 * {@link #output()} by attribute id), the optimizer rewrites them, the physical planner turns
 * them into operators.
 */
public interface LogicalPlan {

    /** The inputs of this node. */
    List<LogicalPlan> children();

    /** A copy with other children (same count). */
    LogicalPlan withNewChildren(List<LogicalPlan> children);

    /** The columns this node produces. */
    List<AttributeReference> output();

    /** The expressions this node evaluates (for reference tracking). */
    default List<Expression> expressions() {
        return List.of();
    }

    /** This node's line in a tree string. */
    String nodeString();

    /**
     * The size-only estimate of the output in bytes (Spark's without statistics: a filter keeps
     * its input's size, an inner join the product). Row and column estimates, and sizes from
     * them, come from {@link io.ember.dataframe.internal.plan.stats.StatsEstimator}.
     */
    long sizeInBytes();

    /** The whole tree, Spark's format. */
    default String treeString() {
        return TreeStrings.render(this, LogicalPlan::nodeString, LogicalPlan::children);
    }

    /** The ids of the output attributes. */
    default Set<Long> outputIds() {
        Set<Long> ids = new LinkedHashSet<>();
        for (AttributeReference a : output()) {
            ids.add(a.exprId());
        }
        return ids;
    }

    /** The ids of every attribute the expressions of this node read. */
    default Set<Long> references() {
        Set<Long> ids = new LinkedHashSet<>();
        for (Expression e : expressions()) {
            ids.addAll(e.referenceIds());
        }
        return ids;
    }

    /** Rewrites bottom-up. */
    default LogicalPlan transformUp(UnaryOperator<LogicalPlan> rule) {
        List<LogicalPlan> cs = children();
        LogicalPlan self = this;
        if (!cs.isEmpty()) {
            List<LogicalPlan> n = new ArrayList<>(cs.size());
            boolean changed = false;
            for (LogicalPlan c : cs) {
                LogicalPlan r = c.transformUp(rule);
                changed |= r != c;
                n.add(r);
            }
            if (changed) {
                self = withNewChildren(n);
            }
        }
        return rule.apply(self);
    }

    /** The average width of an output row in bytes. */
    default long rowWidth() {
        long w = 8;
        for (AttributeReference a : output()) {
            w += a.dataType().defaultSize();
        }
        return w;
    }

    /** Formats expressions as Spark lists them: {@code [a#1, b#2]}. */
    static String list(List<? extends Expression> exprs) {
        List<String> texts = new ArrayList<>();
        for (Expression e : exprs) {
            texts.add(e.explain());
        }
        return "[" + String.join(", ", texts) + "]";
    }

    /** Saturating multiplication for size estimates. */
    static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** Saturating addition for size estimates. */
    static long plus(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
