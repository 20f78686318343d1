package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStatus;
import io.ember.actors.internal.spi.DiskBlockWriter;
import io.ember.actors.internal.spi.MemoryBlock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class TieredBlockStoreTest {

    private static final BlockId SHUFFLE_0 = new BlockId.ShuffleBlock(0, 1, 2);
    private static final BlockId SHUFFLE_1 = new BlockId.ShuffleBlock(1, 1, 2);
    private static final BlockId RDD_5 = new BlockId.RddBlock(5, 0);

    @TempDir
    Path dir;

    private static final MemoryBlock.Writer BYTES = (value, out) -> out.write((byte[]) value);

    private TieredBlockStore store(long capacity) {
        TieredBlockStore store = new TieredBlockStore("exec-t", new io.ember.actors.internal.memory.MemoryManager(1L << 30, 0));
        store.configure(capacity, dir.resolve("exec-t"));
        return store;
    }

    @Test
    void put_replacingABlock_countsOnlyTheNewBytes() {
        TieredBlockStore store = store(1000);
        store.put(RDD_5, new byte[10]);
        store.put(RDD_5, new byte[3]);

        assertEquals(3, store.sizeInBytes());
        assertArrayEquals(new byte[3], store.get(RDD_5).orElseThrow());
    }

    @Test
    void removeShuffle_dropsOnlyThatShuffle_inEveryTier() throws IOException {
        TieredBlockStore store = filled();
        try (DiskBlockWriter out = store.writeToDisk(new BlockId.ShuffleBlock(0, 2, 0))) {
            out.write(7);
            out.commit();
        }

        store.removeShuffle(0);

        assertTrue(store.get(SHUFFLE_0).isEmpty());
        assertTrue(store.readFromDisk(new BlockId.ShuffleBlock(0, 2, 0)).isEmpty());
        assertTrue(store.get(SHUFFLE_1).isPresent());
        assertTrue(store.get(RDD_5).isPresent());
        assertEquals(6, store.sizeInBytes());
    }

    @Test
    void removeRdd_dropsOnlyThatRdd() {
        TieredBlockStore store = filled();
        store.cache(new BlockId.RddBlock(5, 1), new MemoryBlock("cached", 10, (v, out) -> { }, false));

        store.removeRdd(5);

        assertTrue(store.get(RDD_5).isEmpty());
        assertTrue(store.getCached(new BlockId.RddBlock(5, 1)).isEmpty());
        assertEquals(3, store.sizeInBytes());
    }

    @Test
    void cache_overCapacity_evictsMemoryOnlyBlocksAndSpillsDiskBackedOnes() throws IOException {
        TieredBlockStore store = store(100);
        for (int i = 0; i < 10; i++) {
            store.cache(new BlockId.RddBlock(1, i), new MemoryBlock(new byte[40], 40, BYTES, false));
            store.cache(new BlockId.RddBlock(2, i), new MemoryBlock(new byte[] {(byte) i}, 40, BYTES, true));
        }

        assertTrue(store.sizeInBytes() <= 100, "memory in use " + store.sizeInBytes());
        int memoryOnlyLeft = 0;
        for (int i = 0; i < 10; i++) {
            memoryOnlyLeft += store.status(new BlockId.RddBlock(1, i)).isStored() ? 1 : 0;
            BlockId spilled = new BlockId.RddBlock(2, i);
            assertTrue(store.status(spilled).isStored(), "a MEMORY_AND_DISK block is never lost: " + spilled);
            if (store.getCached(spilled).isEmpty()) {
                try (InputStream in = store.readFromDisk(spilled).orElseThrow()) {
                    assertArrayEquals(new byte[] {(byte) i}, in.readAllBytes());
                }
            }
        }
        assertTrue(memoryOnlyLeft < 10, "some memory-only blocks must have been evicted");
        List<BlockStatus> updates = store.drainUpdates();
        assertTrue(updates.stream().anyMatch(s -> !s.isStored()), "evictions are reported: " + updates);
        assertTrue(store.drainUpdates().isEmpty());
    }

    @Test
    void cache_ofABlockLargerThanCapacity_goesToDiskOrNowhere() {
        TieredBlockStore store = store(10);
        assertFalse(store.cache(RDD_5, new MemoryBlock(new byte[50], 50, BYTES, false)));
        assertTrue(store.cache(new BlockId.RddBlock(6, 0), new MemoryBlock(new byte[50], 50, BYTES, true)));
        BlockStatus status = store.status(new BlockId.RddBlock(6, 0));
        assertEquals(0, status.memoryBytes());
        assertEquals(50, status.diskBytes());
    }

    @Test
    void clear_dropsEverythingAndDeletesTheDirectory() throws IOException {
        TieredBlockStore store = filled();
        try (DiskBlockWriter out = store.writeToDisk(RDD_5)) {
            out.write(1);
            out.commit();
        }
        assertTrue(Files.exists(dir.resolve("exec-t")));

        store.clear();

        assertTrue(store.get(SHUFFLE_1).isEmpty());
        assertEquals(0, store.sizeInBytes());
        assertFalse(Files.exists(dir.resolve("exec-t")));
    }

    @Test
    void writeToDisk_closedWithoutCommit_publishesNothing_andAbortDeletesTheFile() throws IOException {
        TieredBlockStore store = store(1000);
        DiskBlockWriter good = store.writeToDisk(RDD_5);
        good.write(new byte[] {1, 2, 3});
        good.commit();
        DiskBlockWriter half = store.writeToDisk(RDD_5);
        try (half) {
            half.write(new byte[] {9, 9});
        }

        try (InputStream in = store.readFromDisk(RDD_5).orElseThrow()) {
            assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes(), "a closed, uncommitted write is not the block");
        }
        try (InputStream in = half.openWritten()) {
            assertArrayEquals(new byte[] {9, 9}, in.readAllBytes(), "its writer can read it back");
        }
        assertEquals(2, blockFiles(), "the committed file and the pending one");

        half.abort();
        half.abort();

        assertEquals(1, blockFiles(), "abort deletes the pending file");
        assertArrayEquals(new byte[] {1, 2, 3}, store.get(RDD_5).orElseThrow());
        assertThrows(IllegalStateException.class, half::commit, "an aborted write cannot be committed");
    }

    @Test
    void writeToDisk_commit_replacesThePreviousCopyAndDeletesItsFile_abortAfterCommitKeepsIt() throws IOException {
        TieredBlockStore store = store(1000);
        try (DiskBlockWriter first = store.writeToDisk(RDD_5)) {
            first.write(1);
            first.commit();
        }
        DiskBlockWriter second = store.writeToDisk(RDD_5);
        second.write(2);
        second.commit();
        second.abort();

        assertArrayEquals(new byte[] {2}, store.get(RDD_5).orElseThrow());
        assertEquals(1, blockFiles());
        assertEquals(1, store.status(RDD_5).diskBytes());
    }

    private long blockFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("exec-t"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private TieredBlockStore filled() {
        TieredBlockStore store = store(1000);
        store.put(SHUFFLE_0, new byte[1]);
        store.put(SHUFFLE_1, new byte[2]);
        store.put(RDD_5, new byte[4]);
        return store;
    }
}
