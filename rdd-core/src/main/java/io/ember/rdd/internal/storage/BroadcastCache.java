package io.ember.rdd.internal.storage;

import io.ember.actors.internal.spi.BlockFetchException;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.actors.internal.spi.MemoryBlock;
import io.ember.serializers.Codecs;
import java.util.List;
import java.util.Optional;

/**
 * The executor side of broadcast variables: the value is deserialized once per executor from
 * the bytes the driver shipped there, and shared by every task of that executor.
 *
 * <p>Design notes. The bytes are pinned in the block store under {@code broadcast_N_piece0}
 * (the driver pushes them to every executor when the broadcast is created); the value is kept
 * in the memory tier under {@code broadcast_N}. An executor that lacks the bytes (it joined
 * later) fetches them from one of the executors the driver shipped them to, once. Loading is
 * serialized per executor by locking its block store object, so concurrent tasks deserialize
 * the value once; if the memory tier evicts it, the next use deserializes it again from the
 * pinned bytes.
 */
public final class BroadcastCache {
    private BroadcastCache() {
    }

    /** The value of broadcast {@code id} on the executor of {@code services}. */
    @SuppressWarnings("unchecked")
    public static <T> T value(long id, List<String> holders, ExecutorServices services) {
        BlockStore store = services.blockStore();
        BlockId valueId = new BlockId.BroadcastBlock(id, false);
        Optional<Object> cached = store.getCached(valueId);
        if (cached.isPresent()) {
            return (T) cached.get();
        }
        synchronized (store) {
            cached = store.getCached(valueId);
            if (cached.isPresent()) {
                return (T) cached.get();
            }
            BlockId pieceId = new BlockId.BroadcastBlock(id, true);
            byte[] bytes = store.get(pieceId).orElseGet(() -> fetch(id, pieceId, holders, services));
            T value = Codecs.kryo().deserialize(bytes, services.classLoader());
            long size = Math.max(1, SizeEstimator.estimate(value));
            store.cache(valueId, new MemoryBlock(value, size, (v, out) -> out.write(Codecs.kryo().serialize(v)), false));
            return value;
        }
    }

    private static byte[] fetch(long id, BlockId pieceId, List<String> holders, ExecutorServices services) {
        for (String holder : holders) {
            if (holder.equals(services.executorId())) {
                continue;
            }
            try {
                byte[] bytes = services.fetch(holder, pieceId);
                services.blockStore().put(pieceId, bytes);
                return bytes;
            } catch (BlockFetchException e) {
                // why: try the next executor that had it
            }
        }
        throw new IllegalStateException("Broadcast " + id + " is not available on executor " + services.executorId()
                + " nor on " + holders + ": it was destroyed, or every executor holding it was lost");
    }
}
