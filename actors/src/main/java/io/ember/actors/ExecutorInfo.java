package io.ember.actors;

/**
 * One executor as the driver sees it.
 *
 * @param id the executor id, e.g. {@code exec-0}
 * @param address where it runs: the actor system address and path
 * @param cores its task slots
 * @param memory the memory it may use, in bytes (a worker's {@code --memory}; in local mode,
 *     the JVM's maximum heap, which the local executors share)
 * @param state {@code ALIVE} or {@code LOST}
 */
public record ExecutorInfo(String id, String address, int cores, long memory, State state) {

    /** An executor of this JVM: its memory is this JVM's maximum heap. */
    public ExecutorInfo(String id, String address, int cores, State state) {
        this(id, address, cores, Runtime.getRuntime().maxMemory(), state);
    }

    /** Liveness of an executor. */
    public enum State { ALIVE, LOST }
}
