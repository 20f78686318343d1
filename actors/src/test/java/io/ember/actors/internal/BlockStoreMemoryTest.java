package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.MemoryBlock;
import io.ember.actors.internal.memory.MemoryConsumer;
import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.TaskMemoryManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The memory tier holds storage memory of its executor's region, and gives it back to execution down to the floor. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockStoreMemoryTest {
    private static final MemoryBlock.Writer BYTES = (value, out) -> out.write((byte[]) value);

    @TempDir
    Path dir;

    /** A consumer that never spills: what it asks for, execution must take from storage. */
    private static final class Holder extends MemoryConsumer {
        Holder(TaskMemoryManager task) {
            super(task, "Holder");
        }

        @Override
        public long spill(long size, MemoryConsumer trigger) {
            return 0;
        }
    }

    private TieredBlockStore store(MemoryManager region) {
        TieredBlockStore store = new TieredBlockStore("exec-m", region);
        store.configure(Long.MAX_VALUE, dir.resolve("exec-m"));
        return store;
    }

    private static MemoryBlock block(int i, boolean spillToDisk) {
        return new MemoryBlock(new byte[] {(byte) i}, 100, BYTES, spillToDisk);
    }

    @Test
    void cachedBlocks_holdStorageMemory_andReleaseItWhenRemoved() {
        MemoryManager region = new MemoryManager(1000, 500);
        TieredBlockStore store = store(region);
        store.cache(new BlockId.RddBlock(1, 0), block(0, false));
        store.cache(new BlockId.RddBlock(1, 1), block(1, false));
        assertEquals(200, region.storageUsed());
        store.cache(new BlockId.RddBlock(1, 1), block(1, false));
        assertEquals(200, region.storageUsed(), "a replaced block is not counted twice");
        store.remove(new BlockId.RddBlock(1, 0));
        assertEquals(100, region.storageUsed());
        store.removeRdd(1);
        assertEquals(0, region.storageUsed());
    }

    @Test
    void whenTheRegionIsFull_aNewBlockEvictsOlderOnes_butNeverTakesExecutionMemory() {
        MemoryManager region = new MemoryManager(1000, 0);
        TieredBlockStore store = store(region);
        try (TaskMemoryManager task = new TaskMemoryManager(region, 1)) {
            Holder running = new Holder(task);
            assertEquals(600, running.acquireMemory(600));
            for (int i = 0; i < 6; i++) {
                assertTrue(store.cache(new BlockId.RddBlock(2, i), block(i, false)));
            }
            assertEquals(400, region.storageUsed(), "only what execution leaves free");
            assertEquals(600, region.executionUsed());
            int inMemory = 0;
            for (int i = 0; i < 6; i++) {
                inMemory += store.getCached(new BlockId.RddBlock(2, i)).isPresent() ? 1 : 0;
            }
            assertEquals(4, inMemory);
            assertTrue(store.getCached(new BlockId.RddBlock(2, 5)).isPresent(), "the newest block is kept");
        }
    }

    @Test
    void executionTakesStorage_movingMemoryAndDiskBlocksToDisk_neverBelowTheFloor() throws IOException {
        MemoryManager region = new MemoryManager(1000, 350);
        TieredBlockStore store = store(region);
        for (int i = 0; i < 8; i++) {
            assertTrue(store.cache(new BlockId.RddBlock(3, i), block(i, true)));
        }
        assertEquals(800, region.storageUsed());
        store.drainUpdates();
        try (TaskMemoryManager task = new TaskMemoryManager(region, 1)) {
            Holder sort = new Holder(task);
            // 200 free; storage may give 450 more down to its floor of 350, in whole blocks of 100: 400
            assertEquals(600, sort.acquireMemory(900));
            assertEquals(400, region.storageUsed());
            assertTrue(region.storageUsed() >= region.storageFloor());
            assertEquals(0, sort.acquireMemory(100), "the floor stays: nothing more for execution");
        }
        int onDisk = 0;
        for (int i = 0; i < 8; i++) {
            BlockId id = new BlockId.RddBlock(3, i);
            assertTrue(store.status(id).isStored(), "a MEMORY_AND_DISK block is never lost: " + id);
            if (store.getCached(id).isEmpty()) {
                onDisk++;
                try (InputStream in = store.readFromDisk(id).orElseThrow()) {
                    assertArrayEquals(new byte[] {(byte) i}, in.readAllBytes());
                }
            }
        }
        assertEquals(4, onDisk);
        assertEquals(4, store.drainUpdates().stream().filter(s -> s.memoryBytes() == 0 && s.diskBytes() > 0).count(),
                "the moves to disk are reported");
    }

    @Test
    void memoryOnlyBlocks_areDroppedForExecution() {
        MemoryManager region = new MemoryManager(1000, 0);
        TieredBlockStore store = store(region);
        for (int i = 0; i < 5; i++) {
            store.cache(new BlockId.RddBlock(4, i), block(i, false));
        }
        try (TaskMemoryManager task = new TaskMemoryManager(region, 1)) {
            assertEquals(1000, new Holder(task).acquireMemory(1000));
        }
        assertEquals(0, region.storageUsed());
        for (int i = 0; i < 5; i++) {
            assertFalse(store.status(new BlockId.RddBlock(4, i)).isStored());
        }
    }

    @Test
    void twoStoresOfOneRegion_bothGiveWay_andAStoppedOneLeavesIt() {
        MemoryManager region = new MemoryManager(1000, 0);
        TieredBlockStore first = store(region);
        TieredBlockStore second = new TieredBlockStore("exec-n", region);
        second.configure(Long.MAX_VALUE, dir.resolve("exec-n"));
        for (int i = 0; i < 4; i++) {
            first.cache(new BlockId.RddBlock(5, i), block(i, false));
            second.cache(new BlockId.RddBlock(6, i), block(i, false));
        }
        assertEquals(800, region.storageUsed());
        try (TaskMemoryManager task = new TaskMemoryManager(region, 1)) {
            assertEquals(900, new Holder(task).acquireMemory(900));
        }
        assertTrue(region.storageUsed() <= 100, "both stores evicted: " + region);
        second.clear();
        first.clear();
        assertEquals(0, region.storageUsed());
    }
}
