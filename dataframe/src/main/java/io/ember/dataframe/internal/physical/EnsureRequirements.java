package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place exchanges come from: walks the physical plan bottom-up and, where a child's
 * partitioning does not give what its parent requires, inserts a shuffle (hash, range or single
 * partition) or a broadcast. Both sides of a sort-merge join are made co-partitioned: hashed on
 * corresponding keys into the same number of partitions.
 */
public final class EnsureRequirements {
    private EnsureRequirements() {
    }

    /**
     * {@code plan} with the exchanges it needs, shuffling into {@code partitions} partitions. A
     * node that appears more than once in the plan (a shared subtree, see {@link Planner}) is
     * rewritten once, and an exchange over it for one requirement is made once, so that it stays
     * shared and runs once.
     */
    public static PhysicalPlan apply(PhysicalPlan plan, int partitions) {
        return new Rewrite(partitions).apply(plan);
    }

    /** One rewrite: what it made of each node and of each (node, requirement), by identity. */
    private static final class Rewrite {
        private final int partitions;
        private final Map<PhysicalPlan, PhysicalPlan> rewritten = new IdentityHashMap<>();
        private final Map<PhysicalPlan, Map<Distribution, PhysicalPlan>> exchanges = new IdentityHashMap<>();

        Rewrite(int partitions) {
            this.partitions = partitions;
        }

        PhysicalPlan apply(PhysicalPlan plan) {
            PhysicalPlan done = rewritten.get(plan);
            if (done == null) {
                done = rewrite(plan);
                rewritten.put(plan, done);
            }
            return done;
        }

        private PhysicalPlan rewrite(PhysicalPlan plan) {
            List<PhysicalPlan> children = new ArrayList<>();
            for (PhysicalPlan c : plan.children()) {
                children.add(apply(c));
            }
            List<Distribution> required = plan.requiredChildDistribution();
            List<PhysicalPlan> fixed = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                PhysicalPlan child = children.get(i);
                Distribution d = required.get(i);
                fixed.add(exchanges.computeIfAbsent(child, c -> new HashMap<>())
                        .computeIfAbsent(d, r -> ensure(child, r, partitions)));
            }
            if (plan instanceof SortMergeJoinExec smj && !coPartitioned(smj, fixed)) {
                fixed.set(0, new ShuffleExchangeExec(new Partitioning.Hash(smj.leftKeys(), partitions), children.get(0)));
                fixed.set(1, new ShuffleExchangeExec(new Partitioning.Hash(smj.rightKeys(), partitions), children.get(1)));
            }
            boolean same = true;
            for (int i = 0; i < fixed.size(); i++) {
                same &= fixed.get(i) == plan.children().get(i);
            }
            return same ? plan : plan.withNewChildren(fixed);
        }
    }

    private static PhysicalPlan ensure(PhysicalPlan child, Distribution d, int partitions) {
        if (d instanceof Distribution.Broadcast) {
            return child instanceof BroadcastExchangeExec ? child : new BroadcastExchangeExec(child);
        }
        if (child.outputPartitioning().satisfies(d)) {
            return child;
        }
        if (d instanceof Distribution.AllTuples) {
            return new ShuffleExchangeExec(new Partitioning.Single(), child);
        }
        if (d instanceof Distribution.Clustered c) {
            return new ShuffleExchangeExec(new Partitioning.Hash(c.expressions(), partitions), child);
        }
        if (d instanceof Distribution.Ordered o) {
            return new ShuffleExchangeExec(new Partitioning.Range(o.order(), partitions), child);
        }
        return child;
    }

    private static boolean coPartitioned(SortMergeJoinExec smj, List<PhysicalPlan> children) {
        if (!(children.get(0).outputPartitioning() instanceof Partitioning.Hash l)
                || !(children.get(1).outputPartitioning() instanceof Partitioning.Hash r)) {
            return false;
        }
        if (l.numPartitions() != r.numPartitions() || l.expressions().size() != r.expressions().size()) {
            return false;
        }
        List<Expression> lk = Canonical.all(smj.leftKeys());
        List<Expression> rk = Canonical.all(smj.rightKeys());
        for (int i = 0; i < l.expressions().size(); i++) {
            int li = lk.indexOf(Canonical.of(l.expressions().get(i)));
            int ri = rk.indexOf(Canonical.of(r.expressions().get(i)));
            if (li < 0 || li != ri) {
                return false;
            }
        }
        return true;
    }
}
