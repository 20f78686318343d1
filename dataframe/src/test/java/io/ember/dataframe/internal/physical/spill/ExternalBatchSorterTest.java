package io.ember.dataframe.internal.physical.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.MemoryUnavailableException;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.internal.batch.ColumnBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ExternalBatchSorterTest {
    @TempDir
    Path dir;

    /** Keys in [0, 500) so that many rows tie: the expected order is a stable sort by key, seq breaking ties. */
    private static List<long[]> input(int batches, int rows, long seed) {
        Random r = new Random(seed);
        List<long[]> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            long[] keys = new long[rows];
            for (int i = 0; i < rows; i++) {
                keys[i] = r.nextInt(500);
            }
            out.add(keys);
        }
        return out;
    }

    private ExternalBatchSorter sorter(TaskMemoryManager tm, int batchSize, int fanIn) {
        return new ExternalBatchSorter(tm, "SortExec", new SpillTestSupport.ByKey(), SpillTestSupport.TYPES,
                batchSize, () -> SpillTestSupport.spillInto(dir), fanIn);
    }

    /** Sorts, returns (key, seq) of every output row, checking batch sizes on the way. */
    private static List<long[]> drain(Iterator<ColumnBatch> out, int batchSize, long total) {
        List<long[]> rows = new ArrayList<>();
        while (out.hasNext()) {
            ColumnBatch b = out.next();
            long seen = rows.size() + b.numRows;
            assertTrue(b.numRows == batchSize || seen == total, "every batch but the last is full");
            for (int i = 0; i < b.numRows; i++) {
                long seq = (Long) b.column(1).get(i);
                assertEquals("row-" + seq + "-padding-to-make-it-longer", String.valueOf(b.column(2).get(i)));
                rows.add(new long[] {(Long) b.column(0).get(i), seq});
            }
        }
        return rows;
    }

    private static List<long[]> expected(List<long[]> input) {
        List<long[]> rows = new ArrayList<>();
        long seq = 0;
        for (long[] keys : input) {
            for (long k : keys) {
                rows.add(new long[] {k, seq++});
            }
        }
        rows.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        return rows;
    }

    private void assertSameRows(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i)[0], "key at " + i);
            assertEquals(expected.get(i)[1], actual.get(i)[1], "seq at " + i + " (stable order)");
        }
    }

    @Test
    void sort_spillsRunsAndMergesThemInPasses_exactStableOrder_filesGone_metricsRecorded() {
        List<long[]> input = input(60, 1000, 7);
        // A region holding a few batches: the sorter spills every few inserts, making far more runs than the fan-in.
        long batchBytes = SpillTestSupport.batch(input.get(0), 0).estimatedBytes();
        TaskMemoryManager tm = new TaskMemoryManager(new MemoryManager(batchBytes * 3 + 1, 0), 1);
        ExternalBatchSorter sorter = sorter(tm, 777, 4);
        long seq = 0;
        for (long[] keys : input) {
            sorter.insert(SpillTestSupport.batch(keys, seq));
            seq += keys.length;
        }
        assertTrue(sorter.spilledRuns() > 8, "runs spilled: " + sorter.spilledRuns());
        assertTrue(tm.memoryBytesSpilled() > 0 && tm.diskBytesSpilled() > 0, "spill recorded");
        List<long[]> actual = drain(sorter.sortedBatches(), 777, seq);
        assertSameRows(expected(input), actual);
        assertEquals(0, SpillTestSupport.filesIn(dir), "spill files deleted once read");
        assertEquals(0, tm.used(), "memory freed as the output drained");
        assertEquals(0, sorter.used());
    }

    @Test
    void sort_inMemory_noSpill_exactOrderInBatchesOfBatchSize() {
        List<long[]> input = input(5, 1000, 11);
        TaskMemoryManager tm = new TaskMemoryManager(new MemoryManager(1L << 30, 0), 2);
        ExternalBatchSorter sorter = sorter(tm, 1024, 64);
        long seq = 0;
        for (long[] keys : input) {
            sorter.insert(SpillTestSupport.batch(keys, seq));
            seq += keys.length;
        }
        long held = 0;
        long at = 0;
        for (long[] keys : input) {
            // each batch's rows, and 48 bytes a row of working arrays (batch, two prefixes, index, two buffers)
            held += SpillTestSupport.batch(keys, at).estimatedBytes() + 48L * keys.length;
            at += keys.length;
        }
        assertEquals(held, tm.used(), "the rows and the sort's working arrays are reserved");
        assertSameRows(expected(input), drain(sorter.sortedBatches(), 1024, seq));
        assertEquals(0, sorter.spilledRuns());
        assertEquals(0, tm.memoryBytesSpilled());
        assertEquals(0, tm.used());
    }

    @Test
    void sort_spillAskedByAnotherConsumer_writesARun() {
        List<long[]> input = input(4, 500, 3);
        TaskMemoryManager tm = new TaskMemoryManager(new MemoryManager(1L << 30, 0), 3);
        ExternalBatchSorter sorter = sorter(tm, 300, 64);
        long seq = 0;
        for (long[] keys : input) {
            sorter.insert(SpillTestSupport.batch(keys, seq));
            seq += keys.length;
            if (seq == 1000) {
                assertTrue(sorter.spill(1, sorter) > 0);
            }
        }
        assertEquals(1, sorter.spilledRuns());
        assertSameRows(expected(input), drain(sorter.sortedBatches(), 300, seq));
        assertEquals(0, SpillTestSupport.filesIn(dir));
    }

    @Test
    void sort_singleBatchLargerThanMemory_failsNamingOperatorSizesAndSetting() {
        ColumnBatch big = SpillTestSupport.batch(input(1, 1000, 5).get(0), 0);
        TaskMemoryManager tm = new TaskMemoryManager(new MemoryManager(1000, 0), 4);
        ExternalBatchSorter sorter = sorter(tm, 100, 64);
        MemoryUnavailableException e = assertThrows(MemoryUnavailableException.class, () -> sorter.insert(big));
        assertTrue(e.getMessage().contains("SortExec"), e.getMessage());
        long asked = big.estimatedBytes() + 48L * big.numRows; // the rows and the sort's working arrays for them
        assertTrue(e.getMessage().contains(String.valueOf(asked)), e.getMessage());
        assertTrue(e.getMessage().contains(MemoryManager.FRACTION), e.getMessage());
    }
}
