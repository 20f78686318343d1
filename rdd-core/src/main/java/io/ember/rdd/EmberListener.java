package io.ember.rdd;

/**
 * Receives an application's {@link ListenerEvent}s, one at a time and in order, on a dedicated
 * thread (never the scheduler's), so a slow listener delays only other listeners. An exception
 * thrown by a listener is logged and otherwise ignored.
 *
 * <pre>{@code
 * sc.addListener(event -> {
 *     if (event instanceof ListenerEvent.JobEnd end) {
 *         System.out.println("job " + end.jobId() + (end.succeeded() ? " ok" : " failed"));
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface EmberListener {

    /** Called for every event. */
    void onEvent(ListenerEvent event);
}
