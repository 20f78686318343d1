package io.ember.rdd;

/**
 * A job was cancelled before it finished: by {@link EmberContext#cancelJob},
 * {@link EmberContext#cancelJobGroup} or {@link EmberContext#cancelAllJobs}. The message names
 * the job and why it was cancelled.
 */
public class JobCancelledException extends JobFailedException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public JobCancelledException(String message) {
        super(message, null);
    }
}
