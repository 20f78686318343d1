package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.stats.StatsEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the rules to a fixed point (at most {@value #MAX_ITERATIONS} rounds). The optimizer owns
 * the traversal: node rules are applied top-down to every node, whole-plan rules to the root.
 *
 * <p>The rules run in two batches, each to its fixed point: first the subquery rewrites, then
 * the rest. The other rules never see a subquery expression, whose plan reads columns of the
 * operator around it that they could not track (column pruning would drop them).
 */
public final class Optimizer {
    /** The most rounds before the optimizer gives up looking for a fixed point. */
    public static final int MAX_ITERATIONS = 100;

    private final List<Rule> subqueryRules;
    private final List<Rule> rules;

    /** The default rules, minus those named in {@code excluded}, with cost-based join ordering. */
    public Optimizer(Set<String> excluded) {
        this(excluded, JoinReorderSettings.DEFAULT, new StatsEstimator(true));
    }

    /**
     * The default rules, minus those named in {@code excluded}; inner joins are ordered as
     * {@code reorder} says on the estimates of {@code stats}.
     */
    public Optimizer(Set<String> excluded, JoinReorderSettings reorder, StatsEstimator stats) {
        this.subqueryRules = kept(List.of(new RewritePredicateSubqueries(), new RewriteScalarSubqueries()), excluded);
        this.rules = kept(List.of(new EliminateSubqueryAliases(), new ExtractCommonConjunctsFromOr(),
                new PushDownPredicates(), new InferFiltersFromOrJoinCondition(), new ReorderInnerJoins(reorder, stats),
                new PushPredicateThroughWindow(), new CombineFilters(), new ConstantFolding(), new PruneFilters(),
                new CollapseProject(), new RemoveNoopProject(), new ColumnPruning(), new PushFiltersIntoScan()), excluded);
    }

    private static List<Rule> kept(List<Rule> all, Set<String> excluded) {
        List<Rule> kept = new ArrayList<>();
        for (Rule r : all) {
            if (!excluded.contains(r.name())) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** The names of the rules that run, in order. */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (Rule r : subqueryRules) {
            names.add(r.name());
        }
        for (Rule r : rules) {
            names.add(r.name());
        }
        return names;
    }

    /** The optimized plan. */
    public LogicalPlan optimize(LogicalPlan plan) {
        return toFixedPoint(toFixedPoint(plan, subqueryRules), rules);
    }

    private static LogicalPlan toFixedPoint(LogicalPlan plan, List<Rule> rules) {
        LogicalPlan current = plan;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            LogicalPlan before = current;
            for (Rule rule : rules) {
                current = rule.wholePlan() ? rule.apply(current) : transformDown(current, rule);
            }
            if (current.equals(before)) {
                break;
            }
        }
        return current;
    }

    static LogicalPlan transformDown(LogicalPlan node, Rule rule) {
        LogicalPlan self = rule.apply(node);
        List<LogicalPlan> children = self.children();
        if (children.isEmpty()) {
            return self;
        }
        List<LogicalPlan> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (LogicalPlan c : children) {
            LogicalPlan r = transformDown(c, rule);
            changed |= r != c;
            rewritten.add(r);
        }
        return changed ? self.withNewChildren(rewritten) : self;
    }
}
