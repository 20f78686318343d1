package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.spi.BlockStatus;
import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.actors.internal.spi.TaskRunner;
import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.rdd.Partition;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.internal.TaskScope;
import io.ember.rdd.internal.shuffle.FetchFailedException;
import io.ember.rdd.internal.shuffle.MapStatus;
import io.ember.rdd.internal.shuffle.ShuffleWriter;
import io.ember.rdd.internal.storage.ExecutorCommand;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import io.ember.serializers.SerializationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Ember tasks on an executor's worker thread: decodes the task, computes the partition
 * with the application's class loader as the thread's context loader, and encodes what happened
 * as a {@link TaskResult}, with the task's accumulator updates and its executor's block changes.
 * User failures never escape as exceptions: they travel back as data.
 *
 * <p>It also applies the driver's {@link ExecutorCommand}s ({@link #runCommand}, on the executor's
 * control thread), and remembers each executor's storage settings (sent once as {@link ExecutorCommand.Configure})
 * for the tasks that follow. Thread-safe: one instance serves every executor of a JVM.
 */
public final class EmberTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EmberTaskRunner.class);
    /** Until an executor is configured: no caps, only its memory region bounds sorts and cached blocks. */
    private static final ExecutorCommand.Configure UNCONFIGURED = new ExecutorCommand.Configure(Long.MAX_VALUE,
            Long.MAX_VALUE, MemoryManager.DEFAULT_FRACTION, MemoryManager.DEFAULT_STORAGE_FRACTION, "");

    private final Map<String, ExecutorCommand.Configure> settings = new ConcurrentHashMap<>();

    @Override
    public byte[] run(byte[] task, ExecutorServices services) {
        Codec codec = Codecs.kryo();
        Object payload;
        try {
            payload = codec.deserialize(task, services.classLoader());
        } catch (SerializationException e) {
            return runTask(null, services, e);
        }
        return runTask((TaskDescription) payload, services, null);
    }

    /** Applies an {@link ExecutorCommand}; answers whether it was applied. */
    @Override
    public byte[] runCommand(byte[] command, ExecutorServices services) {
        Codec codec = Codecs.kryo();
        return codec.serialize(apply(codec.deserialize(command, services.classLoader()), services));
    }

    private boolean apply(ExecutorCommand command, ExecutorServices services) {
        try {
            command.apply(services);
            if (command instanceof ExecutorCommand.Configure configure) {
                settings.put(services.executorId(), configure);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Executor {} could not apply {}", services.executorId(), command, e);
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] runTask(TaskDescription description, ExecutorServices services, Throwable decodeError) {
        Codec codec = Codecs.kryo();
        ClassLoader loader = services.classLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        ExecutorCommand.Configure configured = settings.getOrDefault(services.executorId(), UNCONFIGURED);
        MemoryManager region = services.memoryManager();
        // why the region's size bounds a block: the memory tier can never hold more
        TaskScope scope = TaskScope.open(configured.taskMemory(), Math.min(configured.storageMemory(), region.maxMemory()),
                new TaskMemoryManager(region, description == null ? -1 : description.taskId()));
        TaskResult result;
        TaskContextImpl context = null;
        StageBinary binary = null;
        long started = System.nanoTime();
        try {
            if (decodeError != null) {
                throw decodeError;
            }
            Partition partition = codec.deserialize(description.partition(), loader);
            Map<Integer, MapStatus[]> statuses = codec.deserialize(description.mapStatuses(), loader);
            context = new TaskContextImpl(description.stageId(), description.partitionIndex(),
                    description.attemptNumber(), description.taskId(), services, statuses);
            TaskContextImpl.CURRENT.set(context);
            binary = scope.decode(() -> codec.deserialize(description.stageBinary(), loader));
            if (binary instanceof StageBinary.ShuffleMap map) {
                Iterator records = map.rdd().iterator(partition, context);
                result = new TaskResult.MapOutput(ShuffleWriter.write(map.dependency(), partition.index(), records, services,
                        context.metrics()));
            } else {
                StageBinary.Result r = (StageBinary.Result) binary;
                Iterator<Object> records = (Iterator<Object>) r.rdd().iterator(partition, context);
                result = new TaskResult.Value(r.func().apply(context, records));
            }
            scope.commitOutputs();
        } catch (Throwable t) {
            FetchFailedException fetch = fetchFailureIn(t);
            OutOfMemoryError outOfMemory = outOfMemoryIn(t);
            if (fetch != null) {
                result = new TaskResult.FetchFailed(fetch.shuffleId(), fetch.mapId(), fetch.executorId(), fetch.getMessage());
            } else if (outOfMemory != null) {
                result = new TaskResult.Failed(OutOfMemoryReport.describe(outOfMemory, description, binary,
                        services.executorId()));
            } else {
                result = new TaskResult.Failed(t);
            }
        } finally {
            TaskContextImpl.CURRENT.remove();
            scope.close();
            thread.setContextClassLoader(previous);
        }
        long runTime = System.nanoTime() - started;
        byte[] resultBytes;
        try {
            resultBytes = codec.serialize(result);
        } catch (SerializationException e) {
            String where = description == null ? "" : " of partition " + description.partitionIndex()
                    + " in stage " + description.stageId();
            resultBytes = codec.serialize(new TaskResult.Failed(new SerializationException(
                    "The task result" + where + " cannot be serialized: " + e.getMessage(), null)));
        }
        TaskMetrics metrics = context == null ? TaskMetrics.EMPTY : context.metrics().snapshot(runTime, resultBytes.length,
                scope.memory());
        boolean succeeded = result instanceof TaskResult.Value || result instanceof TaskResult.MapOutput;
        Map<Long, Object> updates = succeeded ? scope.accumulatorUpdates() : Map.of();
        List<BlockStatus> blocks = services.blockStore().drainUpdates();
        return codec.serialize(new TaskReport(resultBytes, metrics, updates, blocks));
    }

    /** User code may wrap an OutOfMemoryError too (a lazy iterator's exception, say). */
    private static OutOfMemoryError outOfMemoryIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /** User code may wrap a fetch failure in its own exception; the cause chain still tells. */
    private static FetchFailedException fetchFailureIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof FetchFailedException f) {
                return f;
            }
        }
        return null;
    }
}
