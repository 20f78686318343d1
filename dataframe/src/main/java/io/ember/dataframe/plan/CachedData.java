package io.ember.dataframe.plan;

import io.ember.dataframe.batch.ColumnBatch;
import java.util.List;
import java.util.function.Supplier;

/**
 * The storage behind {@code df.cache()}: the plan to compute, and once computed, the batches of
 * each partition. Materialized at most once (under a lock) by the first action that scans it;
 * {@link #clear()} ({@code unpersist}) drops the batches.
 */
public final class CachedData {
    private final LogicalPlan plan;
    private final String storageLevel;
    private volatile List<List<ColumnBatch>> partitions;

    /** Storage for {@code plan}, not yet computed. */
    public CachedData(LogicalPlan plan, String storageLevel) {
        this.plan = plan;
        this.storageLevel = storageLevel;
    }

    /** The cached plan. */
    public LogicalPlan plan() {
        return plan;
    }

    /** The storage level's name. */
    public String storageLevel() {
        return storageLevel;
    }

    /** The batches per partition, computing them with {@code compute} the first time. */
    public List<List<ColumnBatch>> get(Supplier<List<List<ColumnBatch>>> compute) {
        List<List<ColumnBatch>> p = partitions;
        if (p == null) {
            synchronized (this) {
                p = partitions;
                if (p == null) {
                    p = compute.get();
                    partitions = p;
                }
            }
        }
        return p;
    }

    /** Whether the batches are in memory. */
    public boolean isMaterialized() {
        return partitions != null;
    }

    /** Drops the batches. */
    public void clear() {
        partitions = null;
    }

    /** The measured size once materialized, else the plan's estimate. */
    public long sizeInBytes() {
        List<List<ColumnBatch>> p = partitions;
        if (p == null) {
            return plan.sizeInBytes();
        }
        long bytes = 0;
        for (List<ColumnBatch> part : p) {
            for (ColumnBatch b : part) {
                bytes += b.estimatedBytes();
            }
        }
        return Math.max(bytes, 1);
    }

    @Override
    public String toString() {
        return "CachedData(" + storageLevel + ")";
    }
}
