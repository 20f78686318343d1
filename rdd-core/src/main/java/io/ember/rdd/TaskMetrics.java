package io.ember.rdd;

/**
 * What one task attempt did, as reported to listeners and the UI.
 *
 * @param runTimeNanos time spent computing on the executor
 * @param recordsRead records read from sources (collections, files)
 * @param bytesRead bytes read from input files
 * @param recordsWritten records written to output files
 * @param bytesWritten bytes written to output files
 * @param shuffleReadRecords records read from shuffle blocks
 * @param shuffleReadBytes bytes of shuffle blocks fetched
 * @param shuffleWriteRecords records written to shuffle blocks
 * @param shuffleWriteBytes bytes of shuffle blocks written
 * @param resultBytes size of the serialized result sent to the driver
 * @param memoryBytesSpilled in-memory size of the data its sorts and aggregations spilled
 *     (Spark's "Spill (Memory)")
 * @param diskBytesSpilled bytes of the spill files they wrote, compressed (Spark's "Spill (Disk)")
 * @param peakExecutionMemory the most execution memory the task held at once
 */
public record TaskMetrics(long runTimeNanos, long recordsRead, long bytesRead, long recordsWritten, long bytesWritten,
                          long shuffleReadRecords, long shuffleReadBytes, long shuffleWriteRecords,
                          long shuffleWriteBytes, long resultBytes, long memoryBytesSpilled, long diskBytesSpilled,
                          long peakExecutionMemory) {

    /** No work recorded (a task that never ran, or whose executor was lost). */
    public static final TaskMetrics EMPTY = new TaskMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Metrics of a task that neither spilled nor held execution memory. */
    public TaskMetrics(long runTimeNanos, long recordsRead, long bytesRead, long recordsWritten, long bytesWritten,
                       long shuffleReadRecords, long shuffleReadBytes, long shuffleWriteRecords, long shuffleWriteBytes,
                       long resultBytes) {
        this(runTimeNanos, recordsRead, bytesRead, recordsWritten, bytesWritten, shuffleReadRecords, shuffleReadBytes,
                shuffleWriteRecords, shuffleWriteBytes, resultBytes, 0, 0, 0);
    }
}
