package io.ember.rdd.internal.ui;

import io.ember.rdd.EmberContext;
import io.ember.rdd.RDDStorageInfo;
import io.ember.rdd.internal.ui.status.RddStorageData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The persisted RDDs of a context ({@link EmberContext#getRDDStorageInfo()}) as the Storage page,
 * the Executors page and the event log show them. The report counts bytes per RDD and cached
 * partitions per executor, so an executor's bytes are the RDD's in proportion to its partitions.
 * Once the context has stopped its storage, the last report read stays.
 */
final class StorageReport implements Supplier<List<RddStorageData>> {
    private final EmberContext sc;
    private volatile List<RddStorageData> last = List.of();

    private StorageReport(EmberContext sc) {
        this.sc = sc;
    }

    /** Reads {@code sc}'s storage report each time it is asked. */
    static Supplier<List<RddStorageData>> of(EmberContext sc) {
        return new StorageReport(sc);
    }

    @Override
    public List<RddStorageData> get() {
        if (sc.isStopped()) {
            return last;
        }
        try {
            List<RddStorageData> rdds = new ArrayList<>();
            for (RDDStorageInfo info : sc.getRDDStorageInfo()) {
                rdds.add(convert(info));
            }
            last = List.copyOf(rdds);
        } catch (RuntimeException stoppedMeanwhile) {
            return last;
        }
        return last;
    }

    static RddStorageData convert(RDDStorageInfo info) {
        long copies = info.executors().values().map(Integer::longValue).sum().longValue();
        List<RddStorageData.ExecutorShare> shares = new ArrayList<>();
        info.executors().forEach((executor, partitions) -> shares.add(new RddStorageData.ExecutorShare(executor,
                partitions, share(info.memoryBytes(), partitions, copies), share(info.diskBytes(), partitions, copies))));
        String level = info.storageLevel().description();
        return new RddStorageData(info.id(), info.name(), level.isEmpty() ? info.storageLevel().toString() : level,
                info.numPartitions(), info.cachedPartitions(), info.memoryBytes(), info.diskBytes(), List.copyOf(shares));
    }

    private static long share(long bytes, int partitions, long copies) {
        return copies == 0 ? 0 : Math.round((double) bytes * partitions / copies);
    }
}
