package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.rdd.TaskMetrics;

/**
 * Counts what a running task reads and writes. Owned by the task's thread: only code running
 * inside the task updates it, through {@link TaskContextImpl#metrics()}.
 */
public final class TaskMetricsCollector {
    private long recordsRead;
    private long bytesRead;
    private long recordsWritten;
    private long bytesWritten;
    private long shuffleReadRecords;
    private long shuffleReadBytes;
    private long shuffleWriteRecords;
    private long shuffleWriteBytes;

    /** Adds source records read. */
    public void addRecordsRead(long n) {
        recordsRead += n;
    }

    /** Adds input bytes read. */
    public void addBytesRead(long n) {
        bytesRead += n;
    }

    /** Adds output records written. */
    public void addRecordsWritten(long n) {
        recordsWritten += n;
    }

    /** Adds output bytes written. */
    public void addBytesWritten(long n) {
        bytesWritten += n;
    }

    /** Adds shuffle records and bytes read. */
    public void addShuffleRead(long records, long bytes) {
        shuffleReadRecords += records;
        shuffleReadBytes += bytes;
    }

    /** Adds shuffle records and bytes written. */
    public void addShuffleWrite(long records, long bytes) {
        shuffleWriteRecords += records;
        shuffleWriteBytes += bytes;
    }

    /** The metrics at the task's end, with the spills and peak memory that {@code memory} counted. */
    TaskMetrics snapshot(long runTimeNanos, long resultBytes, TaskMemoryManager memory) {
        return new TaskMetrics(runTimeNanos, recordsRead, bytesRead, recordsWritten, bytesWritten, shuffleReadRecords,
                shuffleReadBytes, shuffleWriteRecords, shuffleWriteBytes, resultBytes, memory.memoryBytesSpilled(),
                memory.diskBytesSpilled(), memory.peakUsed());
    }
}
