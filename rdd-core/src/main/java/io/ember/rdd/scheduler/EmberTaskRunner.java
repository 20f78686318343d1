package io.ember.rdd.scheduler;

import io.ember.actors.ExecutorServices;
import io.ember.actors.TaskRunner;
import io.ember.rdd.Partition;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.shuffle.FetchFailedException;
import io.ember.rdd.shuffle.MapStatus;
import io.ember.rdd.shuffle.ShuffleWriter;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import io.ember.serializers.SerializationException;
import java.util.Iterator;
import java.util.Map;

/**
 * Runs Ember tasks on an executor's worker thread: decodes the task, computes the partition
 * with the application's class loader as the thread's context loader, and encodes what happened
 * as a {@link TaskResult}. User failures never escape as exceptions: they travel back as data.
 */
public final class EmberTaskRunner implements TaskRunner {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] run(byte[] task, ExecutorServices services) {
        Codec codec = Codecs.kryo();
        ClassLoader loader = services.classLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        TaskResult result;
        TaskDescription description = null;
        TaskContextImpl context = null;
        long started = System.nanoTime();
        try {
            description = codec.deserialize(task, loader);
            Partition partition = codec.deserialize(description.partition(), loader);
            Map<Integer, MapStatus[]> statuses = codec.deserialize(description.mapStatuses(), loader);
            context = new TaskContextImpl(description.stageId(), description.partitionIndex(),
                    description.attemptNumber(), description.taskId(), services, statuses);
            TaskContextImpl.CURRENT.set(context);
            StageBinary binary = codec.deserialize(description.stageBinary(), loader);
            if (binary instanceof StageBinary.ShuffleMap map) {
                Iterator records = map.rdd().iterator(partition, context);
                result = new TaskResult.MapOutput(ShuffleWriter.write(map.dependency(), partition.index(), records, services,
                        context.metrics()));
            } else {
                StageBinary.Result r = (StageBinary.Result) binary;
                Iterator<Object> records = (Iterator<Object>) r.rdd().iterator(partition, context);
                result = new TaskResult.Value(r.func().apply(context, records));
            }
        } catch (Throwable t) {
            FetchFailedException fetch = fetchFailureIn(t);
            result = fetch != null
                    ? new TaskResult.FetchFailed(fetch.shuffleId(), fetch.mapId(), fetch.executorId(), fetch.getMessage())
                    : new TaskResult.Failed(t);
        } finally {
            TaskContextImpl.CURRENT.remove();
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
        TaskMetrics metrics = context == null ? TaskMetrics.EMPTY : context.metrics().snapshot(runTime, resultBytes.length);
        return codec.serialize(new TaskReport(resultBytes, metrics, Map.of()));
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
