package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task that runs out of memory fails its job at once with a message that names where and what
 * to change, instead of being retried as a transient failure and ending as an unreadable
 * serialization error.
 */
@Timeout(60)
class TaskOutOfMemoryTest {

    /** Asks for more than the whole heap: a real OutOfMemoryError, thrown before anything is filled. */
    private static int allocateMoreThanTheHeap(int x) {
        long wanted = Math.min(Integer.MAX_VALUE - 16L, Runtime.getRuntime().maxMemory() / Long.BYTES + (1 << 20));
        long[] huge = new long[(int) wanted];
        return x + huge.length;
    }

    /** Stands for a DataFrame physical operator (named ...Exec) whose buffer outgrows the heap. */
    static final class BufferingSortExec {
        static int sort(int x) {
            return allocateMoreThanTheHeap(x);
        }
    }

    @Test
    void anOutOfMemoryInsideAPhysicalOperator_namesTheOperator() {
        try (EmberContext sc = EmberContext.builder().master("local[1]").appName("oom-operator").getOrCreate()) {
            JobFailedException failure = assertThrows(JobFailedException.class,
                    () -> sc.parallelize(List.of(1), 1).map(BufferingSortExec::sort).collect());
            assertTrue(failure.getMessage().contains("inside operator BufferingSortExec"), failure.getMessage());
        }
    }

    @Test
    void aTaskOutOfMemory_failsTheJobAtOnce_namingStagePartitionOperatorAndSettings() throws Exception {
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("oom").getOrCreate()) {
            CopyOnWriteArrayList<ListenerEvent.TaskEnd> failedTasks = new CopyOnWriteArrayList<>();
            CountDownLatch jobEnded = new CountDownLatch(1);
            sc.addListener(e -> {
                if (e instanceof ListenerEvent.TaskEnd end && !end.status().equals("SUCCESS")) {
                    failedTasks.add(end);
                } else if (e instanceof ListenerEvent.JobEnd) {
                    jobEnded.countDown();
                }
            });
            RDD<Integer> data = sc.parallelize(List.of(1, 2), 2);
            JobFailedException failure = assertThrows(JobFailedException.class,
                    () -> data.map(x -> x == 2 ? allocateMoreThanTheHeap(x) : x).collect());

            TaskOutOfMemoryException cause = assertInstanceOf(TaskOutOfMemoryException.class, failure.getCause());
            String message = failure.getMessage();
            assertTrue(message.contains("Task of partition 1 in stage ") && message.contains("ran out of memory on executor exec-")
                    && message.contains("java.lang.OutOfMemoryError"), message);
            assertTrue(message.contains("TaskOutOfMemoryTest.allocateMoreThanTheHeap"), "names the allocating frame: " + message);
            assertTrue(message.contains("-Xmx") && message.contains("ember.shuffle.memory")
                    && message.contains("ember.storage.memory") && message.contains("Not retried"), message);
            assertFalse(message.contains("SerializationException"), message);
            assertTrue(Arrays.stream(cause.getStackTrace()).anyMatch(f -> f.getMethodName().equals("allocateMoreThanTheHeap")),
                    "the cause keeps the error's stack trace");

            assertTrue(jobEnded.await(10, TimeUnit.SECONDS), "the job's end was delivered to listeners");
            assertEquals(1, failedTasks.size(), "one attempt, no retries of the same out-of-memory: " + failedTasks);
            assertEquals(List.of(2, 4, 6), sc.parallelize(List.of(1, 2, 3), 2).map(x -> x * 2).collect(),
                    "the context still works");
        }
    }
}
