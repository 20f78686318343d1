package io.ember.rdd;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The result of an asynchronous action ({@link RDD#collectAsync()}, {@link RDD#countAsync()},
 * {@link RDD#foreachAsync}): Spark's {@code JavaFutureAction}. The job runs while the caller
 * goes on; {@link #get()} waits for its result, {@link #cancel(boolean)} cancels the job on the
 * executors (as {@link EmberContext#cancelJob} does) and {@link #jobId()} tells which job it is.
 *
 * <p>As in Spark, a failed or cancelled job makes {@link #get()} throw an
 * {@link ExecutionException} whose cause is the {@link JobFailedException} or
 * {@link JobCancelledException}. {@link #asCompletionStage()} chains further work without
 * blocking.
 *
 * @param <T> the action's result type
 */
public final class FutureAction<T> implements Future<T> {
    private final EmberContext context;
    private final CompletableFuture<Integer> jobId;
    private final CompletableFuture<T> result;
    private final AtomicBoolean cancelRequested;

    FutureAction(EmberContext context, CompletableFuture<Integer> jobId, CompletableFuture<T> result) {
        this(context, jobId, result, new AtomicBoolean());
    }

    private FutureAction(EmberContext context, CompletableFuture<Integer> jobId, CompletableFuture<T> result,
                         AtomicBoolean cancelRequested) {
        this.context = context;
        this.jobId = jobId;
        this.result = result;
        this.cancelRequested = cancelRequested;
    }

    /** The same job with its result transformed by {@code f} once it arrives (on the job's completion thread). */
    <U> FutureAction<U> thenApply(Function<? super T, ? extends U> f) {
        return new FutureAction<>(context, jobId, result.thenApply(f), cancelRequested);
    }

    /**
     * Cancels the job if it has not ended: its tasks are stopped and {@link #get()} throws an
     * {@link ExecutionException} caused by {@link JobCancelledException}. Returns without
     * waiting for the tasks to stop; {@code mayInterruptIfRunning} is not consulted: whether
     * running tasks are interrupted follows the job group, as for {@link EmberContext#cancelJob}.
     *
     * @return false if the job had already ended, true otherwise
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (result.isDone()) {
            return false;
        }
        cancelRequested.set(true);
        if (jobId.isDone() && !jobId.isCompletedExceptionally()) {
            context.cancelJob(jobId.join());
        } else {
            // why: the scheduler has not taken the job yet, so it is cancelled as soon as it has an
            // id; if the scheduler stops first, the id never comes and the job fails with the
            // scheduler's error, which get() reports
            jobId.thenAccept(context::cancelJob);
        }
        return true;
    }

    /** Whether {@link #cancel} was called and the job then ended cancelled. */
    @Override
    public boolean isCancelled() {
        if (!cancelRequested.get() || !result.isCompletedExceptionally()) {
            return false;
        }
        try {
            result.join();
            return false;
        } catch (CancellationException e) {
            return true;
        } catch (RuntimeException e) {
            return e.getCause() instanceof JobCancelledException;
        }
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return result.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return result.get(timeout, unit);
    }

    /**
     * The id of the job (as {@link ListenerEvent.JobStart} and {@link EmberContext#cancelJob}
     * know it), waiting until the scheduler has taken the job, which is immediate unless the
     * scheduler is busy.
     */
    public int jobId() {
        return jobId.join();
    }

    /** The result as a completion stage to chain on; completing it from outside is not possible. */
    public CompletionStage<T> asCompletionStage() {
        return result.minimalCompletionStage();
    }
}
