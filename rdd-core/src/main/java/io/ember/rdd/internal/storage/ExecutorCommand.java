package io.ember.rdd.internal.storage;

import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.ExecutorServices;
import java.nio.file.Path;

/**
 * What the driver asks of an executor outside of tasks: storage settings, removals, broadcast
 * pieces. Sent as a control command ({@code ExecutorRuntime.sendCommand}), never in a task slot,
 * and applied by the task runner's {@code runCommand}, which answers whether it was applied.
 */
public sealed interface ExecutorCommand {

    /** Applies the command to the executor's block store. */
    void apply(ExecutorServices services);

    /**
     * The executor's memory and storage settings (see {@link StorageSettings}). The executor sizes
     * its memory region from its own heap: on a worker the driver does not know it.
     *
     * @param storageMemory the most bytes of the block store's memory tier
     * @param taskMemory the most bytes one RDD sort or aggregation buffers before spilling
     * @param memoryFraction share of the heap for execution and storage
     * @param storageFraction share of that region cached blocks keep
     * @param localRoot the application's local directory; the executor uses a subdirectory named after itself
     */
    record Configure(long storageMemory, long taskMemory, double memoryFraction, double storageFraction,
                     String localRoot) implements ExecutorCommand {
        @Override
        public void apply(ExecutorServices services) {
            services.memoryManager().resizeForHeap(memoryFraction, storageFraction);
            services.blockStore().configure(storageMemory, Path.of(localRoot).resolve(services.executorId()));
        }
    }

    /** Drops the cached blocks of an RDD. */
    record RemoveRdd(int rddId) implements ExecutorCommand {
        @Override
        public void apply(ExecutorServices services) {
            services.blockStore().removeRdd(rddId);
        }
    }

    /** Deletes the files of a shuffle. */
    record RemoveShuffle(int shuffleId) implements ExecutorCommand {
        @Override
        public void apply(ExecutorServices services) {
            services.blockStore().removeShuffle(shuffleId);
        }
    }

    /** Stores a broadcast variable's bytes, pinned. */
    record PutBroadcast(long broadcastId, byte[] bytes) implements ExecutorCommand {
        @Override
        public void apply(ExecutorServices services) {
            services.blockStore().put(new BlockId.BroadcastBlock(broadcastId, true), bytes);
        }
    }

    /** Drops a broadcast variable, bytes and value. */
    record RemoveBroadcast(long broadcastId) implements ExecutorCommand {
        @Override
        public void apply(ExecutorServices services) {
            services.blockStore().remove(new BlockId.BroadcastBlock(broadcastId, true));
            services.blockStore().remove(new BlockId.BroadcastBlock(broadcastId, false));
        }
    }
}
