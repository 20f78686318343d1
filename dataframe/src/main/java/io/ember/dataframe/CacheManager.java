package io.ember.dataframe;

import io.ember.dataframe.plan.CachedData;
import io.ember.dataframe.plan.CachedRelation;
import io.ember.dataframe.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The cached plans of a session. Before a query runs, every part of its plan equal to a cached
 * plan is replaced by a scan of the cached rows, so that DataFrames built on a cached one benefit.
 */
final class CacheManager {
    private final List<CachedData> cached = new ArrayList<>();

    synchronized void cache(LogicalPlan plan) {
        if (lookup(plan) == null) {
            cached.add(new CachedData(plan, "StorageLevel(memory, deserialized, 1 replicas)"));
        }
    }

    synchronized void uncache(LogicalPlan plan) {
        CachedData d = lookup(plan);
        if (d != null) {
            d.clear();
            cached.remove(d);
        }
    }

    synchronized boolean isCached(LogicalPlan plan) {
        return lookup(plan) != null;
    }

    private CachedData lookup(LogicalPlan plan) {
        for (CachedData d : cached) {
            if (d.plan().equals(plan)) {
                return d;
            }
        }
        return null;
    }

    /** {@code plan} with cached parts replaced by scans of the cache. */
    synchronized LogicalPlan useCached(LogicalPlan plan) {
        if (cached.isEmpty()) {
            return plan;
        }
        CachedData d = lookup(plan);
        if (d != null) {
            return new CachedRelation(plan.output(), d);
        }
        List<LogicalPlan> children = plan.children();
        if (children.isEmpty()) {
            return plan;
        }
        List<LogicalPlan> replaced = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan c : children) {
            LogicalPlan r = useCached(c);
            changed |= r != c;
            replaced.add(r);
        }
        return changed ? plan.withNewChildren(replaced) : plan;
    }
}
