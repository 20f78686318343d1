package io.ember.actors.internal;

import io.ember.actors.internal.spi.BlockFetchException;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.actors.internal.memory.MemoryManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/*
 * Design notes
 * ------------
 * What a task sees of its executor. `liveStores` is the runtime's registry (a ConcurrentHashMap
 * owned by LocalExecutorRuntime: entries are added before the actor system starts and removed
 * by each ExecutorActor's PostStop), so a fetch from a stopped executor fails even if some
 * thread still holds a reference to its old store.
 */
record LocalExecutorServices(String executorId, BlockStore blockStore,
                             Map<String, BlockStore> liveStores, ClassLoader classLoader, MemoryManager memoryManager)
        implements ExecutorServices {

    @Override
    public byte[] fetch(String fromExecutor, BlockId blockId) {
        Objects.requireNonNull(fromExecutor, "executorId is null");
        Objects.requireNonNull(blockId, "blockId is null");
        BlockStore store = liveStores.get(fromExecutor);
        if (store == null) {
            throw new BlockFetchException(fromExecutor, blockId, "the executor is not alive");
        }
        return store.get(blockId).orElseThrow(
                () -> new BlockFetchException(fromExecutor, blockId, "the executor does not hold it"));
    }

    @Override
    public List<String> peers() {
        return liveStores.keySet().stream().filter(id -> !id.equals(executorId)).sorted().toList();
    }
}
