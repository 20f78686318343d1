package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Persistence at every storage level: a persisted RDD is computed once, read back exactly, and
 * reported to the driver; a memory tier too small for it evicts MEMORY_ONLY partitions (which
 * are recomputed) and moves MEMORY_AND_DISK ones to disk (which are read back from there).
 * Computations are counted with an accumulator.
 */
@Timeout(60)
class PersistenceTest {
    private EmberContext sc;

    private EmberContext start(String storageMemory) {
        EmberContext.Builder builder = EmberContext.builder().master("local[2]").appName("persistence");
        if (storageMemory != null) {
            builder.config("ember.storage.memory", storageMemory);
        }
        sc = builder.getOrCreate();
        return sc;
    }

    @AfterEach
    void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    private static RDD<String> counted(EmberContext sc, LongAccumulator computed, int partitions, int perPartition) {
        return sc.parallelize(List.range(0, partitions * perPartition), partitions).map(x -> {
            computed.add(1);
            return "value-" + x + "-" + "x".repeat(40);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"MEMORY_ONLY", "MEMORY_ONLY_SER", "MEMORY_AND_DISK", "MEMORY_AND_DISK_SER", "DISK_ONLY"})
    void everyLevel_computesOnceAndReadsBackExactly(String levelName) {
        StorageLevel level = StorageLevel.fromString(levelName);
        EmberContext sc = start(null);
        LongAccumulator computed = sc.longAccumulator("computed");
        RDD<String> rdd = counted(sc, computed, 4, 250).persist(level);
        List<String> expected = List.range(0, 1000).map(x -> "value-" + x + "-" + "x".repeat(40));

        assertEquals(expected, rdd.collect());
        assertEquals(1000, computed.sum());
        assertEquals(expected, rdd.collect());
        assertEquals(1000, rdd.count());
        assertEquals(1000, computed.sum(), "no partition is computed twice at " + level);

        RDDStorageInfo info = sc.getRDDStorageInfo().single();
        assertEquals(rdd.id(), info.id());
        assertEquals(level, info.storageLevel());
        assertEquals(4, info.cachedPartitions());
        assertEquals(level.useMemory(), info.memoryBytes() > 0, "memory bytes " + info);
        assertEquals(!level.useMemory(), info.diskBytes() > 0, "disk bytes " + info);
        assertTrue(rdd.toDebugString().contains("[" + level.description() + "]"), rdd.toDebugString());
        assertEquals(rdd, sc.getPersistentRDDs().get(rdd.id()).get());
    }

    @Test
    void memoryOnly_evictedPartitionsAreRecomputedFromLineage() {
        EmberContext sc = start("64k");
        LongAccumulator computed = sc.longAccumulator("computed");
        RDD<String> rdd = counted(sc, computed, 8, 500).cache();
        List<String> expected = List.range(0, 4000).map(x -> "value-" + x + "-" + "x".repeat(40));

        assertEquals(expected, rdd.collect());
        assertEquals(4000, computed.sum());
        assertEquals(expected, rdd.collect());
        long recomputed = computed.sum() - 4000;
        assertTrue(recomputed > 0, "8 partitions of ~50 KB cannot all stay in 64 KB per executor");
        RDDStorageInfo info = sc.getRDDStorageInfo().single();
        assertTrue(info.cachedPartitions() < 8, "the driver knows partitions were evicted: " + info);
        assertEquals(0, info.diskBytes());
    }

    @Test
    void memoryAndDisk_evictedPartitionsAreReadFromDiskNotRecomputed() {
        EmberContext sc = start("64k");
        LongAccumulator computed = sc.longAccumulator("computed");
        RDD<String> rdd = counted(sc, computed, 8, 500).persist(StorageLevel.MEMORY_AND_DISK);
        List<String> expected = List.range(0, 4000).map(x -> "value-" + x + "-" + "x".repeat(40));

        assertEquals(expected, rdd.collect());
        assertEquals(expected, rdd.collect());
        assertEquals(4000, rdd.count());
        assertEquals(4000, computed.sum(), "evicted partitions come back from disk");
        RDDStorageInfo info = sc.getRDDStorageInfo().single();
        assertEquals(8, info.cachedPartitions());
        assertTrue(info.diskBytes() > 0, "some partitions went to disk: " + info);
    }

    @Test
    void diskOnly_blocksAreFilesUnderTheApplicationsLocalDir_removedOnClose() throws IOException {
        EmberContext sc = start(null);
        RDD<Integer> rdd = sc.parallelize(List.range(0, 100), 4).persist(StorageLevel.DISK_ONLY);
        assertEquals(4950, rdd.reduce(Integer::sum));
        Path local = sc.storage().localDir();
        try (Stream<Path> files = Files.walk(local)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("rdd_" + rdd.id() + "_")));
        }
        sc.close();
        assertFalse(Files.exists(local), "the local directory is deleted with the context");
    }

    @Test
    void unpersist_removesTheBlocksAndTheNextJobRecomputes() {
        EmberContext sc = start(null);
        LongAccumulator computed = sc.longAccumulator("computed");
        RDD<String> rdd = counted(sc, computed, 4, 10).persist(StorageLevel.MEMORY_AND_DISK_SER);
        rdd.count();
        rdd.unpersist(true);
        assertEquals(StorageLevel.NONE, rdd.getStorageLevel());
        assertTrue(sc.getRDDStorageInfo().isEmpty());
        assertTrue(sc.getPersistentRDDs().isEmpty());
        assertEquals("", rdd.storageDescription());
        rdd.count();
        assertEquals(80, computed.sum());
    }

    @Test
    void cachedPartitions_arePreferredWhereTheirBlocksAre() {
        EmberContext sc = start(null);
        CollectionAccumulator<String> placements = sc.collectionAccumulator("placements");
        RDD<Integer> rdd = sc.parallelize(List.range(0, 40), 2).cache();
        rdd.foreachPartition(it -> placements.add(TaskContext.get().partitionId() + "@" + TaskContext.get().executorId()));
        List<String> cachedAt = List.range(0, 2).map(p -> p + "@" + rdd.preferredLocations(rdd.partitions()[p]).single());
        assertEquals(placements.value().sorted(), cachedAt);
        placements.reset();
        rdd.foreachPartition(it -> placements.add(TaskContext.get().partitionId() + "@" + TaskContext.get().executorId()));
        assertEquals(cachedAt, placements.value().sorted(), "the second job runs each partition where it is cached");
    }

    @Test
    void persist_rejectsChangingTheLevelAndNone() {
        EmberContext sc = start(null);
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3)).cache();
        assertEquals(rdd, rdd.persist(StorageLevel.MEMORY_ONLY));
        assertThrows(UnsupportedOperationException.class, () -> rdd.persist(StorageLevel.DISK_ONLY));
        assertThrows(IllegalArgumentException.class, () -> sc.parallelize(List.of(1)).persist(StorageLevel.NONE));
    }

    @Test
    void badStorageMemory_failsAtStartNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> start("lots"));
        assertTrue(e.getMessage().contains("ember.storage.memory"), e.getMessage());
        sc = null;
    }
}
