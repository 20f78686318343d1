package io.ember.rdd.internal.storage;

import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStatus;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDStorageInfo;
import io.vavr.collection.TreeMap;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's view of cached blocks: which persisted RDDs exist and which executor holds which
 * of their partitions, in memory or on disk. Fed by the block updates that come back with every
 * task (including evictions an executor made since its last task), and by executor losses.
 *
 * <p>Design notes. {@code blocks} is guarded by this object's lock: the scheduler thread writes
 * it, application threads read it (preferred locations, the storage report). {@code persistent}
 * holds the persisted RDDs weakly, as Spark does, so that an RDD the application dropped can be
 * collected and its blocks cleaned up.
 */
public final class BlockManagerMaster {
    private final ExecutorCommands commands;
    private final Map<Integer, WeakReference<RDD<?>>> persistent = new ConcurrentHashMap<>();
    private final Map<BlockId.RddBlock, Map<String, BlockStatus>> blocks = new HashMap<>();

    BlockManagerMaster(ExecutorCommands commands) {
        this.commands = commands;
    }

    /** Records that {@code rdd} is persisted. */
    public void persist(RDD<?> rdd) {
        persistent.put(rdd.id(), new WeakReference<>(rdd));
    }

    /**
     * Forgets RDD {@code rddId}'s blocks and removes them from every executor; with
     * {@code blocking}, returns once the executors have done so.
     */
    public void unpersist(int rddId, boolean blocking) {
        persistent.remove(rddId);
        synchronized (this) {
            blocks.keySet().removeIf(id -> id.rddId() == rddId);
        }
        var sent = commands.sendToAll(new ExecutorCommand.RemoveRdd(rddId));
        if (blocking) {
            commands.await(sent);
        }
    }

    /** Deletes shuffle {@code shuffleId}'s files on every executor (without waiting). */
    public void removeShuffle(int shuffleId) {
        commands.sendToAll(new ExecutorCommand.RemoveShuffle(shuffleId));
    }

    /** Applies block updates reported by an executor. */
    public synchronized void update(List<BlockStatus> statuses) {
        for (BlockStatus status : statuses) {
            if (!(status.id() instanceof BlockId.RddBlock id)) {
                continue;
            }
            if (status.isStored() && persistent.containsKey(id.rddId())) {
                blocks.computeIfAbsent(id, k -> new HashMap<>()).put(status.executorId(), status);
            } else {
                Map<String, BlockStatus> holders = blocks.get(id);
                if (holders != null) {
                    holders.remove(status.executorId());
                    if (holders.isEmpty()) {
                        blocks.remove(id);
                    }
                }
            }
        }
    }

    /** Forgets every block of a lost executor. */
    public synchronized void executorLost(String executorId) {
        blocks.values().forEach(holders -> holders.remove(executorId));
        blocks.values().removeIf(Map::isEmpty);
    }

    /** The executors holding partition {@code partition} of RDD {@code rddId}. */
    public synchronized io.vavr.collection.List<String> locations(int rddId, int partition) {
        Map<String, BlockStatus> holders = blocks.get(new BlockId.RddBlock(rddId, partition));
        return holders == null ? io.vavr.collection.List.empty() : io.vavr.collection.List.ofAll(holders.keySet()).sorted();
    }

    /** The persisted RDDs that are still reachable, by id. */
    public io.vavr.collection.Map<Integer, RDD<?>> persistentRdds() {
        io.vavr.collection.Map<Integer, RDD<?>> out = TreeMap.empty();
        for (Map.Entry<Integer, WeakReference<RDD<?>>> e : persistent.entrySet()) {
            RDD<?> rdd = e.getValue().get();
            if (rdd != null) {
                out = out.put(e.getKey(), rdd);
            }
        }
        return out;
    }

    /** One row per persisted RDD, by id. */
    public io.vavr.collection.List<RDDStorageInfo> storageInfo() {
        List<RDDStorageInfo> rows = new ArrayList<>();
        for (RDD<?> rdd : persistentRdds().values()) {
            int cached = 0;
            long memory = 0;
            long disk = 0;
            io.vavr.collection.Map<String, Integer> byExecutor = TreeMap.empty();
            synchronized (this) {
                for (Map.Entry<BlockId.RddBlock, Map<String, BlockStatus>> e : blocks.entrySet()) {
                    if (e.getKey().rddId() != rdd.id()) {
                        continue;
                    }
                    cached++;
                    for (BlockStatus status : e.getValue().values()) {
                        memory += status.memoryBytes();
                        disk += status.diskBytes();
                        byExecutor = byExecutor.put(status.executorId(), byExecutor.get(status.executorId()).getOrElse(0) + 1);
                    }
                }
            }
            String name = rdd.name() != null ? rdd.name() : rdd.toString();
            rows.add(new RDDStorageInfo(rdd.id(), name, rdd.getStorageLevel(), rdd.getNumPartitions(), cached, memory,
                    disk, byExecutor));
        }
        return io.vavr.collection.List.ofAll(rows).sortBy(RDDStorageInfo::id);
    }
}
