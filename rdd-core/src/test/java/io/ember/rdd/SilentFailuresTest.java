package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failures that used to vanish: a storage command no longer waits behind a long task (its
 * timeout is tested with the runtime's control commands), and an unexpected error on the scheduler's thread fails its jobs with that
 * cause and stops the context instead of leaving the scheduler in a half-updated state.
 */
@Timeout(60)
class SilentFailuresTest {
    private static final CountDownLatch BUSY = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private static int busyUntilReleased(int x) {
        BUSY.countDown();
        try {
            RELEASE.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return x;
    }

    private static int cachedPartitions(EmberContext sc, RDD<?> rdd) {
        int cached = 0;
        for (int p = 0; p < rdd.getNumPartitions(); p++) {
            cached += sc.storage().blockMaster().locations(rdd.id(), p).isEmpty() ? 0 : 1;
        }
        return cached;
    }

    /** Storage commands used to queue behind tasks for a slot, and time out behind a long one. */
    @Test
    void blockingUnpersist_whileTheOnlyTaskSlotIsBusy_isAppliedWithoutWaitingForTheSlot() throws Exception {
        try (EmberContext sc = EmberContext.builder().master("local[1]").appName("unpersist-busy")
                .config(EmberConf.STORAGE_COMMAND_TIMEOUT, "300ms").getOrCreate()) {
            RDD<Integer> cached = sc.parallelize(List.range(0, 100), 2).persist(StorageLevel.MEMORY_ONLY);
            assertEquals(100, cached.count());
            assertEquals(2, cachedPartitions(sc, cached));
            CompletableFuture<Long> busy = CompletableFuture.supplyAsync(
                    () -> sc.parallelize(List.of(7), 1).map(SilentFailuresTest::busyUntilReleased).count());
            assertTrue(BUSY.await(20, TimeUnit.SECONDS));

            cached.unpersist(true);
            RELEASE.countDown();

            assertEquals(0, cachedPartitions(sc, cached));
            assertEquals(1L, busy.get(20, TimeUnit.SECONDS));
            assertEquals(4950, sc.parallelize(List.range(0, 100), 2).reduce(Integer::sum), "the context still works");
        }
    }

    /** A user RDD whose preferred locations fail: that code runs on the scheduler's own thread. */
    static final class FailingLocationsRDD extends RDD<Integer> {
        static final IllegalStateException FAILURE = new IllegalStateException("no locations today");

        FailingLocationsRDD(EmberContext sc) {
            super(sc);
        }

        @Override
        protected Partition[] getPartitions() {
            return new Partition[] {() -> 0};
        }

        @Override
        protected Iterator<Integer> compute(Partition split, TaskContext context) {
            return List.of(1, 2, 3).iterator();
        }

        @Override
        protected io.vavr.collection.List<String> getPreferredLocations(Partition split) {
            throw FAILURE;
        }
    }

    @Test
    void anUnexpectedSchedulerError_failsTheJobWithThatCause_andStopsTheContext() throws Exception {
        EmberContext sc = EmberContext.builder().master("local[2]").appName("scheduler-error").getOrCreate();
        try {
            JobFailedException failure = assertThrows(JobFailedException.class, () -> new FailingLocationsRDD(sc).count());
            assertSame(FailingLocationsRDD.FAILURE, failure.getCause());
            assertTrue(failure.getMessage().contains("scheduler stopped after an unexpected error"), failure.getMessage());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!sc.isStopped() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(sc.isStopped(), "the context stopped itself");
            IllegalStateException next = assertThrows(IllegalStateException.class, () -> sc.parallelize(List.of(1)));
            assertTrue(next.getMessage().contains("no locations today"), next.getMessage());
        } finally {
            sc.close();
        }
    }
}
