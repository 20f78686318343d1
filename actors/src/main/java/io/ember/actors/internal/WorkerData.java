package io.ember.actors.internal;

import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStatus;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.serializers.Codecs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Design notes
 * ------------
 * What a worker's data server serves: the blocks of each application's executor on this node
 * (a block that is only on disk is streamed from its file, never loaded whole), and the task results too large for an Akka message, which the driver takes (each is removed
 * as it is served). AppExecutor registers its application when it starts and unregisters it
 * when it stops, so a stopped executor's blocks are gone from the network at once.
 */
final class WorkerData implements DataServer.Handler {

    /** One application's executor as the data server sees it. */
    record App(BlockStore blocks, Map<Long, byte[]> results) {}

    private final Map<String, App> apps = new ConcurrentHashMap<>();

    void register(String appId, App app) {
        apps.put(appId, app);
    }

    void unregister(String appId, App app) {
        apps.remove(appId, app);
    }

    @Override
    public DataServer.Response handle(DataServer.Request request) {
        App app = apps.get(request.appId());
        if (app == null) {
            return DataServer.Response.missing("no executor of application " + request.appId() + " on this node");
        }
        switch (request.op()) {
            case DataServer.OP_BLOCK -> {
                BlockId id = Codecs.kryo().deserialize(request.key(), BlockId.class.getClassLoader());
                return block(app.blocks(), id);
            }
            case DataServer.OP_RESULT -> {
                long taskId = Long.parseLong(new String(request.key(), StandardCharsets.UTF_8));
                byte[] result = app.results().remove(taskId);
                return result == null ? DataServer.Response.missing("no stored result of task " + taskId)
                        : DataServer.Response.of(result);
            }
            default -> {
                return DataServer.Response.missing("a worker does not serve operation " + request.op());
            }
        }
    }

    /** A block only on disk is streamed from its file; any other is served from memory. */
    private static DataServer.Response block(BlockStore blocks, BlockId id) {
        BlockStatus status = blocks.status(id);
        if (status.memoryBytes() == 0 && status.diskBytes() > 0) {
            Optional<InputStream> file = blocks.readFromDisk(id);
            if (file.isPresent()) {
                return new DataServer.Response(DataServer.OK, status.diskBytes(), file.get(), null);
            }
        }
        return blocks.get(id).map(DataServer.Response::of)
                .orElseGet(() -> DataServer.Response.missing("the executor does not hold " + id.name()));
    }
}
