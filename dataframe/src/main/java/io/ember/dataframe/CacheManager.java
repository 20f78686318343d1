package io.ember.dataframe;

import io.ember.dataframe.internal.plan.CachedData;
import io.ember.dataframe.internal.plan.CachedRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.StorageLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted plans of a session. Before a query runs, every part of its plan equal to a
 * persisted plan is replaced by a scan of that plan's persisted RDD, so that DataFrames built on
 * a persisted one benefit. Registering runs nothing: the RDD is built and its blocks stored by
 * the first query that scans it.
 */
final class CacheManager {
    private final List<CachedData> cached = new ArrayList<>();

    /** Persists {@code plan} at {@code level}; a plan persisted already keeps its level, as in Spark. */
    synchronized void cache(LogicalPlan plan, StorageLevel level) {
        if (lookup(plan) == null) {
            cached.add(new CachedData(plan, level));
        }
    }

    /** Forgets {@code plan} and drops its stored blocks (with {@code blocking}, once they are gone). */
    synchronized void uncache(LogicalPlan plan, boolean blocking) {
        CachedData d = lookup(plan);
        if (d != null) {
            cached.remove(d);
            d.unpersist(blocking);
        }
    }

    /** The level {@code plan} is persisted at, {@link StorageLevel#NONE} if it is not. */
    synchronized StorageLevel storageLevel(LogicalPlan plan) {
        CachedData d = lookup(plan);
        return d == null ? StorageLevel.NONE : d.storageLevel();
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
