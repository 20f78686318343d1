package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.FileScan;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Generate;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.Limit;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.Repartition;
import io.ember.dataframe.internal.plan.Sort;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import io.ember.dataframe.internal.window.WindowPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops columns nobody reads: walks the plan from the root with the set of attribute ids each
 * node's parent needs, removing unused projection and aggregate outputs and narrowing file
 * scans to the columns actually read, so readers skip the rest (Parquet never decodes them).
 * A whole-plan rule: what is needed is only known from the root down.
 */
public final class ColumnPruning implements Rule {

    @Override
    public boolean wholePlan() {
        return true;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return prune(plan, plan.outputIds());
    }

    private static LogicalPlan prune(LogicalPlan plan, Set<Long> required) {
        if (plan instanceof Project p) {
            List<NamedExpression> kept = new ArrayList<>();
            for (NamedExpression e : p.projectList()) {
                if (required.contains(e.exprId()) || !e.deterministic()) {
                    kept.add(e);
                }
            }
            LogicalPlan child = prune(p.child(), refs(kept));
            return kept.equals(p.projectList()) && child == p.child() ? p : new Project(kept, child);
        }
        if (plan instanceof Aggregate a) {
            List<NamedExpression> kept = new ArrayList<>();
            for (NamedExpression e : a.aggregateExpressions()) {
                if (required.contains(e.exprId())) {
                    kept.add(e);
                }
            }
            Set<Long> need = refs(kept);
            for (Expression g : a.groupingExpressions()) {
                need.addAll(g.referenceIds());
            }
            LogicalPlan child = prune(a.child(), need);
            return kept.equals(a.aggregateExpressions()) && child == a.child() ? a
                    : new Aggregate(a.groupingExpressions(), kept, child);
        }
        if (plan instanceof Filter f) {
            return withChild(f, prune(f.child(), union(required, f.condition().referenceIds())));
        }
        if (plan instanceof io.ember.dataframe.internal.plan.Expand e) {
            // Every output column is kept (each projection fills all of them); the input only needs what they read.
            return withChild(e, prune(e.child(), e.references()));
        }
        if (plan instanceof Generate g) {
            // The child keeps what the parent reads of it plus the generator's input.
            Set<Long> need = intersect(required, g.child().outputIds());
            need.addAll(g.generator().referenceIds());
            return withChild(g, prune(g.child(), need));
        }
        if (plan instanceof Sort || plan instanceof Limit || plan instanceof Repartition
                || plan instanceof SubqueryAlias) {
            Set<Long> need = new LinkedHashSet<>(required);
            for (Expression e : plan.expressions()) {
                need.addAll(e.referenceIds());
            }
            return withChild(plan, prune(plan.children().get(0), need));
        }
        if (plan instanceof WindowPlan w) {
            // Window columns nobody reads are not computed; the input keeps what the rest reads.
            List<NamedExpression> kept = new ArrayList<>();
            for (NamedExpression e : w.windowExpressions()) {
                if (required.contains(e.exprId())) {
                    kept.add(e);
                }
            }
            Set<Long> need = intersect(required, w.child().outputIds());
            if (kept.isEmpty()) {
                return prune(w.child(), need);
            }
            need.addAll(refs(kept));
            LogicalPlan child = prune(w.child(), need);
            return kept.equals(w.windowExpressions()) && child == w.child() ? w
                    : new WindowPlan(kept, w.partitionSpec(), w.orderSpec(), child);
        }
        if (plan instanceof Join j) {
            Set<Long> need = new LinkedHashSet<>(required);
            if (j.condition() != null) {
                need.addAll(j.condition().referenceIds());
            }
            LogicalPlan l = prune(j.left(), intersect(need, j.left().outputIds()));
            LogicalPlan r = prune(j.right(), intersect(need, j.right().outputIds()));
            return l == j.left() && r == j.right() ? j : j.withNewChildren(List.of(l, r));
        }
        if (plan instanceof FileScan s) {
            List<AttributeReference> out = new ArrayList<>();
            for (AttributeReference a : s.output()) {
                if (required.contains(a.exprId())) {
                    out.add(a);
                }
            }
            return out.equals(s.output()) ? s : new FileScan(s.source(), s.fullOutput(), out, s.pushedFilters());
        }
        // Unions, relations, cached data: keep every column, but prune inside.
        List<LogicalPlan> children = plan.children();
        if (children.isEmpty()) {
            return plan;
        }
        List<LogicalPlan> pruned = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan c : children) {
            LogicalPlan p = prune(c, c.outputIds());
            changed |= p != c;
            pruned.add(p);
        }
        return changed ? plan.withNewChildren(pruned) : plan;
    }

    private static LogicalPlan withChild(LogicalPlan plan, LogicalPlan child) {
        return child == plan.children().get(0) ? plan : plan.withNewChildren(List.of(child));
    }

    private static Set<Long> refs(List<NamedExpression> exprs) {
        Set<Long> ids = new LinkedHashSet<>();
        for (NamedExpression e : exprs) {
            ids.addAll(e.referenceIds());
        }
        return ids;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Set<Long> intersect(Set<Long> a, Set<Long> b) {
        Set<Long> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
