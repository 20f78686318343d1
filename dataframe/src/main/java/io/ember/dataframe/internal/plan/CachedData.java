package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDStorageInfo;
import io.ember.rdd.StorageLevel;
import java.util.function.Supplier;

/**
 * The storage behind {@code df.persist(level)}: the plan to compute and, once a query has
 * scanned it, the persisted {@code RDD<ColumnBatch>} of that plan. The batches live in the
 * executors' block stores, not here: the RDD is persisted lazily, so the first job that reads a
 * partition stores it, later jobs read the stored block, and a block that was evicted or lost
 * with its executor is recomputed from the RDD's lineage. {@link #unpersist} drops the blocks.
 * Thread-safe.
 */
public final class CachedData {
    private final LogicalPlan plan;
    private final StorageLevel level;
    private RDD<ColumnBatch> rdd;
    private boolean dropped;

    /** Storage for {@code plan} at {@code level}, nothing built yet. */
    public CachedData(LogicalPlan plan, StorageLevel level) {
        this.plan = plan;
        this.level = level;
    }

    /** The cached plan. */
    public LogicalPlan plan() {
        return plan;
    }

    /** The storage level. */
    public StorageLevel storageLevel() {
        return level;
    }

    /**
     * The persisted RDD, built by {@code build} the first time (building runs no job; the
     * partitions are stored as jobs compute them).
     *
     * @throws IllegalStateException after {@link #unpersist}
     */
    public synchronized RDD<ColumnBatch> rdd(Supplier<RDD<ColumnBatch>> build) {
        if (dropped) {
            throw new IllegalStateException("the cached data of " + plan.nodeString() + " was unpersisted");
        }
        if (rdd == null) {
            rdd = build.get().persist(level);
        }
        return rdd;
    }

    /** Stops persisting and drops the stored blocks; with {@code blocking}, once they are gone. */
    public synchronized void unpersist(boolean blocking) {
        dropped = true;
        if (rdd != null) {
            rdd.unpersist(blocking);
            rdd = null;
        }
    }

    /** The bytes the executors hold once every partition is stored, else the plan's estimate. */
    public long sizeInBytes() {
        RDD<ColumnBatch> r;
        synchronized (this) {
            r = rdd;
        }
        if (r != null) {
            for (RDDStorageInfo info : r.context().getRDDStorageInfo()) {
                if (info.id() == r.id() && info.cachedPartitions() == info.numPartitions()) {
                    return Math.max(1, info.memoryBytes() + info.diskBytes());
                }
            }
        }
        return plan.sizeInBytes();
    }

    @Override
    public String toString() {
        return "CachedData(" + level + ")";
    }
}
