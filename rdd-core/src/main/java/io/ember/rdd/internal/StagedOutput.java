package io.ember.rdd.internal;

import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.DiskBlockWriter;
import io.ember.actors.internal.spi.MemoryBlock;
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

    /** A block for the memory tier: committing caches it; discarding has nothing to remove. */
    static StagedOutput cached(BlockStore store, BlockId id, MemoryBlock block) {
        return new StagedOutput() {
            @Override
            public void commit() {
                store.cache(id, block);
            }

            @Override
            public void discard() {
                // why empty: nothing was stored; the block's values go away with the failed task
            }
        };
    }

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
