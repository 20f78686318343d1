package io.ember.rdd.internal.scheduler;

import java.util.concurrent.CompletableFuture;

/**
 * A job handed to the scheduler without waiting for it.
 *
 * @param jobId completes with the job's id as soon as the scheduler has taken the job
 * @param results completes with one result per partition asked for, or with the job's failure
 */
public record SubmittedJob(CompletableFuture<Integer> jobId, CompletableFuture<Object[]> results) {
}
