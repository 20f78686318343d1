package io.ember.dataframe.internal.physical.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.internal.batch.ColumnBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SpillableBatchBufferTest {
    @TempDir
    Path dir;

    private static long[] keys(int from, int n) {
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = from + i;
        }
        return k;
    }

    private static List<Long> drain(Iterator<ColumnBatch> it, int batches) {
        List<Long> out = new ArrayList<>();
        for (int b = 0; b < batches && it.hasNext(); b++) {
            ColumnBatch batch = it.next();
            for (int i = 0; i < batch.numRows; i++) {
                out.add((Long) batch.column(1).get(i));
            }
        }
        return out;
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void buffer_readersBeforeAndAcrossSpills_seeEveryBatchInOrder_memoryAndFilesFreed() {
        TaskMemoryManager tm = new TaskMemoryManager(new MemoryManager(1L << 30, 0), 1);
        SpillableBatchBuffer buffer = new SpillableBatchBuffer(tm, "WindowExec",
                () -> SpillTestSupport.spillInto(dir));
        for (int b = 0; b < 10; b++) {
            buffer.append(SpillTestSupport.batch(keys(0, 100), b * 100L));
            if (b == 3) {
                buffer.spill(Long.MAX_VALUE, buffer);
            }
        }
        assertEquals(1000, buffer.numRows());
        Iterator<ColumnBatch> early = buffer.read();
        Iterator<ColumnBatch> late = buffer.read();
        List<Long> seenEarly = drain(early, 6); // batches 0-3 from the file, 4-5 from memory
        long held = tm.used();
        assertTrue(held > 0);
        assertTrue(buffer.spill(Long.MAX_VALUE, buffer) > 0, "the batches in memory spill while read");
        assertEquals(0, tm.used());
        seenEarly.addAll(drain(early, 100)); // batches 6-9, now from the second file
        assertEquals(range(0, 1000), seenEarly);
        assertFalse(early.hasNext());
        assertEquals(range(0, 1000), drain(late, 100));
        assertEquals(2, SpillTestSupport.filesIn(dir), "files kept for other readers");
        assertEquals(range(0, 1000), drain(buffer.read(), 100), "read again");
        assertTrue(tm.memoryBytesSpilled() >= held && tm.diskBytesSpilled() > 0);
        buffer.close();
        assertEquals(0, SpillTestSupport.filesIn(dir), "files deleted on close");
    }
}
