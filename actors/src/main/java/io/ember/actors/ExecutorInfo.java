package io.ember.actors;

/**
 * One executor as the driver sees it.
 *
 * @param id the executor id, e.g. {@code exec-0}
 * @param address where it runs: the actor system address and path
 * @param cores its task slots
 * @param state {@code ALIVE} or {@code LOST}
 */
public record ExecutorInfo(String id, String address, int cores, State state) {

    /** Liveness of an executor. */
    public enum State { ALIVE, LOST }
}
