package io.ember.rdd.internal.ui.status;

import io.ember.rdd.ListenerEvent;
import io.ember.rdd.TaskMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A stage attempt's mutable state inside {@link AppStatusStore}; guarded by the store's lock. */
final class LiveStage {
    final ListenerEvent.StageInfo info;
    final TreeSet<Integer> jobIds = new TreeSet<>();
    final Map<Long, TaskData> tasks = new LinkedHashMap<>();
    StageData.StageStatus status = StageData.StageStatus.PENDING;
    long submissionTime = -1;
    long completionTime = -1;
    String failureReason;

    LiveStage(ListenerEvent.StageInfo info) {
        this.info = info;
    }

    StageData toData() {
        int active = 0;
        int complete = 0;
        int failed = 0;
        long runTime = 0;
        long[] sums = new long[11];
        for (TaskData task : tasks.values()) {
            switch (task.status()) {
                case "RUNNING" -> active++;
                case "SUCCESS" -> complete++;
                default -> failed++;
            }
            TaskMetrics m = task.metrics();
            runTime += m.runTimeNanos() / 1_000_000;
            sums[0] += m.recordsRead();
            sums[1] += m.bytesRead();
            sums[2] += m.recordsWritten();
            sums[3] += m.bytesWritten();
            sums[4] += m.shuffleReadRecords();
            sums[5] += m.shuffleReadBytes();
            sums[6] += m.shuffleWriteRecords();
            sums[7] += m.shuffleWriteBytes();
            sums[8] += m.memoryBytesSpilled();
            sums[9] += m.diskBytesSpilled();
            sums[10] += m.peakExecutionMemory();
        }
        return new StageData(info.stageId(), info.attempt(), info.name(), status, info.numTasks(), active, complete,
                failed, submissionTime, completionTime, failureReason, info.parentIds().toJavaList(),
                List.copyOf(jobIds), info.rddId(), info.rddLineage(), runTime, sums[0], sums[1], sums[2], sums[3],
                sums[4], sums[5], sums[6], sums[7], sums[8], sums[9], sums[10]);
    }

    List<TaskData> taskList() {
        return new ArrayList<>(tasks.values());
    }
}
