package io.ember.actors.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MemoryManagerTest {

    /** A consumer that "spills" by dropping what it holds and remembering how often it did. */
    private static final class Buffer extends MemoryConsumer {
        final List<Long> spills = new ArrayList<>();

        Buffer(TaskMemoryManager task, String name) {
            super(task, name);
        }

        @Override
        public long spill(long size, MemoryConsumer trigger) {
            long held = used();
            spills.add(held);
            freeAll();
            taskMemory().recordSpill(held, held / 4);
            return held;
        }
    }

    @Test
    void aConsumerShortOfMemorySpillsItself_andTheTaskNeverExceedsTheRegion() {
        MemoryManager executor = new MemoryManager(1000, 0);
        try (TaskMemoryManager task = new TaskMemoryManager(executor, 1)) {
            Buffer b = new Buffer(task, "b");
            assertEquals(600, b.acquireMemory(600));
            assertEquals(600, b.acquireMemory(600)); // 400 free: it is asked to spill its 600 first
            assertEquals(List.of(600L), b.spills);
            assertEquals(600, executor.executionUsed());
            Buffer other = new Buffer(task, "other");
            assertEquals(400, other.acquireMemory(400));
            assertEquals(1, other.acquireMemory(1)); // the region is full: b, the larger, spills
            assertEquals(List.of(600L, 600L), b.spills);
            assertEquals(401, executor.executionUsed());
        }
        assertEquals(0, executor.executionUsed());
    }

    @Test
    void whenRefused_theTasksOtherConsumersSpillFirst_largestFirst() {
        MemoryManager executor = new MemoryManager(1000, 0);
        try (TaskMemoryManager task = new TaskMemoryManager(executor, 1)) {
            Buffer small = new Buffer(task, "small");
            Buffer large = new Buffer(task, "large");
            Buffer asking = new Buffer(task, "asking");
            assertEquals(200, small.acquireMemory(200));
            assertEquals(700, large.acquireMemory(700));
            assertTrue(asking.tryAcquire(300));
            assertEquals(List.of(700L), large.spills);
            assertEquals(List.of(), small.spills);
            assertEquals(700, task.memoryBytesSpilled());
            assertEquals(175, task.diskBytesSpilled());
            assertEquals(500, executor.executionUsed());
        }
    }

    @Test
    void acquireOrFail_namesTheOperatorTheSizesAndTheSetting() {
        MemoryManager executor = new MemoryManager(1000, 0);
        try (TaskMemoryManager task = new TaskMemoryManager(executor, 7)) {
            Buffer b = new Buffer(task, "SortExec");
            MemoryUnavailableException e = assertThrows(MemoryUnavailableException.class, () -> b.acquireOrFail(5000));
            assertTrue(e.getMessage().contains("SortExec of task 7 needs 5000 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains(MemoryManager.FRACTION), e.getMessage());
            assertFalse(b.tryAcquire(1001));
            assertEquals(0, b.used());
        }
    }

    @Test
    void executionEvictsStorageDownToTheFloor_butNotBelow() {
        MemoryManager executor = new MemoryManager(1000, 300);
        long[] cached = {800};
        assertTrue(executor.acquireStorage(800));
        executor.setStorageEvictor(bytes -> {
            long freed = Math.min(bytes, cached[0]);
            cached[0] -= freed;
            executor.releaseStorage(freed);
            return freed;
        });
        try (TaskMemoryManager task = new TaskMemoryManager(executor, 1)) {
            Buffer b = new Buffer(task, "b");
            assertEquals(700, b.acquireMemory(900)); // 200 free + 500 evicted; the floor's 300 stay
            assertEquals(300, executor.storageUsed());
            assertFalse(executor.acquireStorage(1)); // storage never takes execution's memory
        }
        assertTrue(executor.acquireStorage(700));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aTaskBelowItsGuaranteedShareWaitsForAnotherToRelease() throws Exception {
        MemoryManager executor = new MemoryManager(1000, 0);
        assertEquals(1000, executor.acquireExecution(1000, 1));
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            try {
                return executor.acquireExecution(400, 2); // guaranteed 1000 / (2 * 2) = 250 of it
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(second.isDone());
        executor.releaseAllExecution(1);
        assertEquals(400, second.get(5, TimeUnit.SECONDS));
        assertEquals(400, executor.executionUsed(2));
    }

    @Test
    void regionForAHeap_keepsSparksReserveAndFractions() {
        MemoryManager m = MemoryManager.forHeap(4L << 30, 0.6, 0.5);
        long region = (long) (((4L << 30) - 300L * 1024 * 1024) * 0.6);
        assertEquals(region, m.maxMemory());
        assertEquals(region / 2, m.storageFloor());
        assertThrows(IllegalArgumentException.class, () -> MemoryManager.forHeap(1L << 30, 1.5, 0.5));
    }

    @Test
    void aTaskHoldingNothing_doesNotShrinkTheOthersShares() {
        MemoryManager executor = new MemoryManager(1000, 0);
        try (TaskMemoryManager idle = new TaskMemoryManager(executor, 1);
             TaskMemoryManager busy = new TaskMemoryManager(executor, 2)) {
            Buffer b = new Buffer(idle, "idle");
            assertEquals(300, b.acquireMemory(300));
            b.freeAll();
            assertEquals(1000, new Buffer(busy, "busy").acquireMemory(1000), "task 1 holds nothing: task 2 may take all");
        }
        assertEquals(0, executor.executionUsed());
    }

    @Test
    void taskMemory_refusesGrantsOnceTheTaskEnded() {
        MemoryManager executor = new MemoryManager(1000, 0);
        TaskMemoryManager task = new TaskMemoryManager(executor, 3);
        Buffer late = new Buffer(task, "late");
        task.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> late.acquireMemory(10));
        assertTrue(e.getMessage().contains("late") && e.getMessage().contains("task 3"), e.getMessage());
        assertEquals(0, executor.executionUsed());
    }

    @Test
    void resize_appliesToLaterRequests_andKeepsWhatIsGranted() {
        MemoryManager executor = new MemoryManager(1000, 0);
        try (TaskMemoryManager task = new TaskMemoryManager(executor, 1)) {
            Buffer b = new Buffer(task, "b");
            assertEquals(800, b.acquireMemory(800));
            executor.resize(500, 100);
            assertEquals(800, executor.executionUsed());
            assertFalse(executor.acquireStorage(1), "nothing is free in the smaller region");
            b.freeAll();
            assertEquals(500, b.acquireMemory(600));
        }
        assertThrows(IllegalArgumentException.class, () -> executor.resize(100, 200));
    }
}
