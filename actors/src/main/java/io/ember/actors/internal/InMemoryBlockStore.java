package io.ember.actors.internal;

import io.ember.actors.BlockId;
import io.ember.actors.BlockStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/*
 * Design notes
 * ------------
 * One executor's blocks in a ConcurrentHashMap: worker threads of that executor write, workers of
 * every executor read (through LocalExecutorServices.fetch). Arrays are stored and returned as
 * they are, without copying: a block is written once and treated as immutable by convention.
 *
 * The byte count is kept in an AtomicLong updated from the value each map operation replaced or
 * removed; because put/remove are atomic and return exactly the value they displaced, the deltas
 * add up to the true total even under concurrent writes to the same key.
 */
final class InMemoryBlockStore implements BlockStore {

    private final Map<BlockId, byte[]> blocks = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void put(BlockId id, byte[] block) {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(block, "block is null");
        byte[] previous = blocks.put(id, block);
        bytes.addAndGet(block.length - lengthOf(previous));
    }

    @Override
    public Optional<byte[]> get(BlockId id) {
        Objects.requireNonNull(id, "id is null");
        return Optional.ofNullable(blocks.get(id));
    }

    @Override
    public void remove(BlockId id) {
        Objects.requireNonNull(id, "id is null");
        bytes.addAndGet(-lengthOf(blocks.remove(id)));
    }

    @Override
    public void removeShuffle(int shuffleId) {
        removeMatching(id -> id instanceof BlockId.ShuffleBlock s && s.shuffleId() == shuffleId);
    }

    @Override
    public void removeRdd(int rddId) {
        removeMatching(id -> id instanceof BlockId.RddBlock r && r.rddId() == rddId);
    }

    @Override
    public long sizeInBytes() {
        return bytes.get();
    }

    /** Drops every block; called when the owning executor stops. */
    void clear() {
        removeMatching(id -> true);
    }

    private void removeMatching(Predicate<BlockId> doomed) {
        for (BlockId id : blocks.keySet()) {
            if (doomed.test(id)) {
                remove(id);
            }
        }
    }

    private static long lengthOf(byte[] block) {
        return block == null ? 0 : block.length;
    }
}
