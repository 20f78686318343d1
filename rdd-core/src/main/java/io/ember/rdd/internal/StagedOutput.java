package io.ember.rdd.internal;

import io.ember.actors.DiskBlockWriter;
import java.io.IOException;

/**
 * Something a task attempt produced for later tasks (a persisted block, a shuffle map output's
 * block) that must become visible only if the attempt succeeds: the task runner
 * {@linkplain #commit() commits} every staged output of an attempt that succeeded and
 * {@linkplain #discard() discards} those of one that failed, so a retry never finds half of a
 * failed attempt's work. See {@link TaskScope#stage}.
 */
public interface StagedOutput {

    /** Publishes the output. */
    void commit() throws IOException;

    /** Removes everything written for the output; never throws (it runs while a failure unwinds). */
    void discard();

    /** A disk block written in full: committing publishes it, discarding deletes its file. */
    static StagedOutput of(DiskBlockWriter written) {
        return new StagedOutput() {
            @Override
            public void commit() throws IOException {
                written.commit();
            }

            @Override
            public void discard() {
                written.abort();
            }
        };
    }
}
