package io.ember.rdd.internal.scheduler;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The last stage of a job: applies the action's function to the partitions the job asked for. */
final class ResultStage extends Stage {
    final Function2<TaskContext, Iterator<Object>, ?> func;
    ActiveJob job;

    ResultStage(int id, RDD<?> rdd, List<ShuffleMapStage> parents, List<Integer> readShuffles,
                int firstJobId, Function2<TaskContext, Iterator<Object>, ?> func) {
        super(id, rdd, parents, readShuffles, firstJobId);
        this.func = func;
    }

    @Override
    List<Integer> missingPartitions() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < job.partitions.length; i++) {
            if (!job.finished[i]) {
                missing.add(job.partitions[i]);
            }
        }
        return missing;
    }

    @Override
    int numTasks() {
        return job.partitions.length;
    }
}
