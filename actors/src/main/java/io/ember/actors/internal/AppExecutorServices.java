package io.ember.actors.internal;

import io.ember.actors.internal.spi.BlockFetchException;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.actors.internal.memory.MemoryManager;
import io.ember.serializers.Codecs;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/*
 * Design notes
 * ------------
 * What a task sees of its executor on a worker node. `peers` (executor id -> data address of
 * every live executor of the application) is replaced as a whole by AppExecutor whenever the
 * driver sends a new directory; the driver sends it to every executor before it launches any
 * task that could read from a newcomer, so a map output's executor is always known here.
 *
 * A peer that cannot be reached is reported to the driver (`unreachable`) as well as thrown as a
 * BlockFetchException, so that the driver can check the peer and, if it is gone, give up all of
 * its outputs at once instead of learning of them one fetch failure at a time.
 */
final class AppExecutorServices implements ExecutorServices {
    private final String appId;
    private final String executorId;
    private final BlockStore blockStore;
    private final ClassLoader classLoader;
    private final MemoryManager memoryManager;
    private final DataClient client;
    private final BiConsumer<String, String> unreachable;
    private volatile Map<String, String> peers = Map.of();

    AppExecutorServices(String appId, String executorId, BlockStore blockStore, ClassLoader classLoader,
                        MemoryManager memoryManager, DataClient client, BiConsumer<String, String> unreachable) {
        this.appId = appId;
        this.executorId = executorId;
        this.blockStore = blockStore;
        this.classLoader = classLoader;
        this.memoryManager = memoryManager;
        this.client = client;
        this.unreachable = unreachable;
    }

    void updatePeers(Map<String, String> directory) {
        peers = Map.copyOf(directory);
    }

    @Override
    public String executorId() {
        return executorId;
    }

    @Override
    public BlockStore blockStore() {
        return blockStore;
    }

    @Override
    public ClassLoader classLoader() {
        return classLoader;
    }

    @Override
    public MemoryManager memoryManager() {
        return memoryManager;
    }

    @Override
    public byte[] fetch(String fromExecutor, BlockId blockId) {
        Objects.requireNonNull(fromExecutor, "executorId is null");
        Objects.requireNonNull(blockId, "blockId is null");
        if (fromExecutor.equals(executorId)) {
            return blockStore.get(blockId).orElseThrow(
                    () -> new BlockFetchException(fromExecutor, blockId, "the executor does not hold it"));
        }
        String address = peers.get(fromExecutor);
        if (address == null) {
            throw new BlockFetchException(fromExecutor, blockId, "the executor is not alive");
        }
        try {
            return client.get(address, DataServer.OP_BLOCK, appId, Codecs.kryo().serialize(blockId));
        } catch (DataClient.Unreachable e) {
            unreachable.accept(fromExecutor, e.getMessage());
            throw new BlockFetchException(fromExecutor, blockId, e.getMessage());
        } catch (IOException e) {
            throw new BlockFetchException(fromExecutor, blockId, e.getMessage());
        }
    }
}
