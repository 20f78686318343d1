package io.ember.rdd.internal.scheduler;

import java.util.Objects;

/**
 * The job group that a thread's jobs belong to, as set by {@code EmberContext.setJobGroup}: the
 * group's jobs can be cancelled together.
 *
 * @param id the group id
 * @param description what the group does, for people
 * @param interruptOnCancel whether cancelling the group's jobs interrupts their running tasks
 */
public record JobGroup(String id, String description, boolean interruptOnCancel) {
    /** Checks that the id is given. */
    public JobGroup {
        Objects.requireNonNull(id, "groupId is null");
    }
}
