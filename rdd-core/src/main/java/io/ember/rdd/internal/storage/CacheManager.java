package io.ember.rdd.internal.storage;

import io.ember.actors.internal.spi.BlockFetchException;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.DiskBlockWriter;
import io.ember.actors.internal.spi.MemoryBlock;
import io.ember.rdd.StorageLevel;
import io.ember.rdd.internal.StagedOutput;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.internal.scheduler.TaskContextImpl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The executor side of persistence: reads a persisted partition from the executor's block store
 * (memory, then disk) or computes it and stores it at the RDD's level.
 *
 * <p>Design notes. A partition cached on another executor (the task could not run where its
 * block is) is fetched from that peer rather than recomputed, but not cached again here.
 * A computed partition is unrolled into a list while its estimated size stays
 * within the memory tier's capacity; past that it cannot be held in memory anyway, so a level
 * with disk streams it to disk (what was unrolled, then the rest) and reads it back, and a
 * memory-only level hands it on without caching it, as Spark does. Two tasks that compute the
 * same partition at once both store it; the second copy replaces the first. A block, in memory
 * or on disk, is stored only when the task that computed it succeeds ({@link TaskScope#stage}):
 * an attempt that throws half-way must not leave a truncated block that later reads take as
 * the whole partition. Stateless: the store owns every block.
 */
public final class CacheManager {
    private CacheManager() {
    }

    /**
     * The partition's elements: the cached copy if this executor holds one, else {@code compute}'s,
     * stored at {@code level} on the way.
     */
    public static <T> Iterator<T> getOrCompute(int rddId, int partition, StorageLevel level,
                                               Supplier<Iterator<T>> compute) {
        TaskContextImpl task = TaskContextImpl.CURRENT.get();
        if (task == null) {
            return compute.get();
        }
        BlockStore store = task.services().blockStore();
        ClassLoader loader = task.services().classLoader();
        BlockId id = new BlockId.RddBlock(rddId, partition);
        Optional<Object> inMemory = store.getCached(id);
        if (inMemory.isPresent()) {
            return BlockFormat.elements(inMemory.get(), loader);
        }
        Optional<InputStream> onDisk = store.readFromDisk(id);
        if (onDisk.isPresent()) {
            return BlockFormat.read(onDisk.get(), loader);
        }
        for (String peer : task.services().peers()) {
            try {
                byte[] remote = task.services().fetch(peer, id);
                return BlockFormat.read(new java.io.ByteArrayInputStream(remote), loader);
            } catch (BlockFetchException e) {
                // why: that peer does not hold it; try the next, then compute it here
            }
        }
        return computeAndStore(id, level, compute.get(), store, loader);
    }

    private static <T> Iterator<T> computeAndStore(BlockId id, StorageLevel level, Iterator<T> values,
                                                   BlockStore store, ClassLoader loader) {
        TaskScope scope = TaskScope.current();
        long limit = scope == null ? Long.MAX_VALUE : scope.storageMemory();
        ArrayList<T> unrolled = new ArrayList<>();
        long estimate = 0;
        long sampledBytes = 0;
        int sampled = 0;
        while (values.hasNext() && estimate <= limit) {
            T value = values.next();
            unrolled.add(value);
            if (unrolled.size() <= 32 || unrolled.size() % 64 == 0) {
                sampled++;
                sampledBytes += SizeEstimator.estimate(value);
            }
            estimate = 16 + (long) unrolled.size() * (sampledBytes / sampled + 4);
        }
        if (values.hasNext()) {
            Iterator<T> all = io.vavr.collection.Iterator.concat(unrolled, () -> values);
            return level.useDisk() ? writeToDiskAndRead(id, all, store, loader) : all;
        }
        if (!level.useMemory()) {
            return writeToDiskAndRead(id, unrolled.iterator(), store, loader);
        }
        Object block = level.deserialized() ? unrolled.toArray() : BlockFormat.serialize(unrolled.iterator());
        long size = level.deserialized() ? Math.max(1, estimate) : Math.max(1, ((byte[]) block).length);
        stage(StagedOutput.cached(store, id, new MemoryBlock(block, size, BlockFormat.WRITER, level.useDisk())), id);
        return BlockFormat.elements(block, loader);
    }

    /**
     * Writes the partition to a disk block that is committed with the task (a failed attempt
     * leaves no file behind) and reads it back from the written file.
     */
    private static <T> Iterator<T> writeToDiskAndRead(BlockId id, Iterator<T> values, BlockStore store,
                                                      ClassLoader loader) {
        DiskBlockWriter file = store.writeToDisk(id);
        boolean staged = false;
        try {
            BlockFormat.writeElements(values, new BufferedOutputStream(file, 64 * 1024));
            stage(StagedOutput.of(file), id);
            staged = true;
            return BlockFormat.read(file.openWritten(), loader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back block " + id.name() + " right after writing it", e);
        } finally {
            if (!staged) {
                file.abort();
            }
        }
    }

    private static void stage(StagedOutput output, BlockId id) {
        try {
            TaskScope.stage(output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store block " + id.name(), e);
        }
    }
}
