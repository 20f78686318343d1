package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A node of an expression tree, evaluated a batch at a time.
 *
 * <p>Design notes. Expressions are immutable records, so plans compare structurally (the
 * optimizer detects its fixed point by equality). They are built unresolved by the
 * {@code Column} API, resolved and type-coerced by the analyzer against a plan's output
 * ({@link AttributeReference}s, identified by {@code exprId}), and bound to input ordinals
 * ({@link BoundReference}) by the physical planner before they travel to executors. Only bound
 * expressions are evaluated. {@link #render} gives the text of a node from its children's texts;
 * {@link #sql()} (names only) names result columns as Spark does, {@link #explain()} (names with
 * {@code #id}) prints plans.
 */
public interface Expression extends Serializable {

    /** The children, in order. */
    List<Expression> children();

    /** A copy of this node with other children (same count). */
    Expression withNewChildren(List<Expression> children);

    /** The result type; only defined once resolved. */
    DataType dataType();

    /** Whether the result may be null. */
    boolean nullable();

    /** Evaluates this (bound) expression over every row of {@code input}. */
    ColumnVector eval(ColumnBatch input);

    /** The text of this node given the texts of its children. */
    String render(List<String> childTexts);

    /** Whether this node and its children are resolved. */
    default boolean resolved() {
        for (Expression c : children()) {
            if (!c.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value is the same for every row and can be computed while planning. */
    default boolean foldable() {
        List<Expression> cs = children();
        if (cs.isEmpty() || !deterministic()) {
            return false;
        }
        for (Expression c : cs) {
            if (!c.foldable()) {
                return false;
            }
        }
        return true;
    }

    /** Whether equal inputs always give equal outputs. */
    default boolean deterministic() {
        for (Expression c : children()) {
            if (!c.deterministic()) {
                return false;
            }
        }
        return true;
    }

    /** The SQL text, with column names only (used to name result columns). */
    default String sql() {
        List<String> texts = new ArrayList<>();
        for (Expression c : children()) {
            texts.add(c.sql());
        }
        return render(texts);
    }

    /** The text shown in plans, with attribute ids ({@code name#12}). */
    default String explain() {
        List<String> texts = new ArrayList<>();
        for (Expression c : children()) {
            texts.add(c.explain());
        }
        return render(texts);
    }

    /** Rewrites bottom-up: children first, then this node. */
    default Expression transformUp(UnaryOperator<Expression> rule) {
        List<Expression> cs = children();
        Expression self = this;
        if (!cs.isEmpty()) {
            List<Expression> newChildren = new ArrayList<>(cs.size());
            boolean changed = false;
            for (Expression c : cs) {
                Expression n = c.transformUp(rule);
                changed |= n != c;
                newChildren.add(n);
            }
            if (changed) {
                self = withNewChildren(newChildren);
            }
        }
        return rule.apply(self);
    }

    /** Rewrites top-down: this node first, then the children of the result. */
    default Expression transformDown(UnaryOperator<Expression> rule) {
        Expression self = rule.apply(this);
        List<Expression> cs = self.children();
        if (cs.isEmpty()) {
            return self;
        }
        List<Expression> newChildren = new ArrayList<>(cs.size());
        boolean changed = false;
        for (Expression c : cs) {
            Expression n = c.transformDown(rule);
            changed |= n != c;
            newChildren.add(n);
        }
        return changed ? self.withNewChildren(newChildren) : self;
    }

    /** Whether this node or a descendant satisfies {@code p}. */
    default boolean exists(Predicate<Expression> p) {
        if (p.test(this)) {
            return true;
        }
        for (Expression c : children()) {
            if (c.exists(p)) {
                return true;
            }
        }
        return false;
    }

    /** Every node satisfying {@code p}, pre-order. */
    default <T extends Expression> List<T> collect(Class<T> type) {
        List<T> out = new ArrayList<>();
        collectInto(this, type, out);
        return out;
    }

    private static <T extends Expression> void collectInto(Expression e, Class<T> type, List<T> out) {
        if (type.isInstance(e)) {
            out.add(type.cast(e));
        }
        for (Expression c : e.children()) {
            collectInto(c, type, out);
        }
    }

    /** The attributes this expression reads. */
    default Set<AttributeReference> references() {
        return new LinkedHashSet<>(collect(AttributeReference.class));
    }

    /** The ids of the attributes this expression reads. */
    default Set<Long> referenceIds() {
        Set<Long> ids = new LinkedHashSet<>();
        for (AttributeReference a : collect(AttributeReference.class)) {
            ids.add(a.exprId());
        }
        return ids;
    }
}
