package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Records the jobs a context starts, as its listeners see them (delivered on another thread). */
final class JobStartRecorder implements EmberListener {
    private final CopyOnWriteArrayList<ListenerEvent.JobStart> starts = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<ListenerEvent.JobEnd> ends = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ListenerEvent event) {
        if (event instanceof ListenerEvent.JobStart start) {
            starts.add(start);
        } else if (event instanceof ListenerEvent.JobEnd end) {
            ends.add(end);
        }
    }

    /** Forgets what was recorded. */
    void clear() {
        starts.clear();
        ends.clear();
    }

    /** The jobs started so far, once at least {@code jobs} have ended (waits up to 10 s). */
    java.util.List<ListenerEvent.JobStart> awaitEnded(int jobs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ends.size() < jobs && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(ends.size() >= jobs, "expected " + jobs + " jobs to end, saw " + ends.size());
        return java.util.List.copyOf(starts);
    }

    /** How many jobs have started so far. */
    int started() {
        return starts.size();
    }
}
