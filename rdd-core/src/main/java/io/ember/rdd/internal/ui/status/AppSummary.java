package io.ember.rdd.internal.ui.status;

/**
 * One application as the UI lists it.
 *
 * @param id the application id, e.g. {@code local-1762790400000}
 * @param endTime when the context stopped, or -1 while it runs
 * @param emberVersion the Ember version that ran it
 */
public record AppSummary(String id, String name, String master, long startTime, long endTime, String user,
                         String emberVersion) {

    /** Whether the application has ended. */
    public boolean completed() {
        return endTime >= 0;
    }

    /** Milliseconds from start to end, or to {@code now} while it runs. */
    public long duration(long now) {
        return (completed() ? endTime : now) - startTime;
    }
}
