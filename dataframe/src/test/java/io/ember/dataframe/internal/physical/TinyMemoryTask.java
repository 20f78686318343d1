package io.ember.dataframe.internal.physical;

import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.rdd.internal.shuffle.SpillContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs an operator's per-partition code inside a real task (which gives it a block store for
 * spill files) but on an executor memory region of only {@code regionBytes}, so that small data
 * spills.
 */
final class TinyMemoryTask {
    private TinyMemoryTask() {
    }

    /** The shared test session (one context per JVM), configured as the module's other tests do. */
    static EmberSession session() {
        return EmberSession.builder().master("local[2]").appName("dataframe-tests")
                .config("ember.sql.session.timeZone", "UTC")
                .config("ember.sql.shuffle.partitions", "3")
                .getOrCreate();
    }

    /** What the operator code does with the task's memory. */
    interface Body extends Serializable {
        Iterator<ColumnBatch> run(OperatorMemory memory);
    }

    /** The rows produced (as text, "null" for nulls) and the task's spill volumes. */
    record Outcome(List<String> rows, long diskBytesSpilled, long memoryBytesSpilled, long peakUsed)
            implements Serializable {
    }

    static Outcome run(long regionBytes, Body body) {
        return session().sparkContext().parallelize(List.of(0), 1).mapPartitions(it -> {
            TaskMemoryManager memory = new TaskMemoryManager(new MemoryManager(regionBytes, 0), 1);
            List<String> rows = rows(body.run(new OperatorMemory(memory, SpillContext::current)));
            return List.of(new Outcome(rows, memory.diskBytesSpilled(), memory.memoryBytesSpilled(),
                    memory.peakUsed())).iterator();
        }).collect().get(0);
    }

    static List<String> rows(Iterator<ColumnBatch> batches) {
        List<String> out = new ArrayList<>();
        while (batches.hasNext()) {
            ColumnBatch b = batches.next();
            for (int r = 0; r < b.numRows; r++) {
                StringBuilder s = new StringBuilder();
                for (int c = 0; c < b.numColumns(); c++) {
                    s.append(c == 0 ? "" : ",").append(b.column(c).get(r));
                }
                out.add(s.toString());
            }
        }
        out.sort(null);
        return out;
    }
}
