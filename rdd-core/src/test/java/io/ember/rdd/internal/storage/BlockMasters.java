package io.ember.rdd.internal.storage;

import io.ember.actors.internal.spi.ExecutorRuntime;
import java.time.Duration;

/** Builds a {@link BlockManagerMaster} over any runtime, for scheduler tests outside this package. */
public final class BlockMasters {
    private BlockMasters() {
    }

    public static BlockManagerMaster over(ExecutorRuntime runtime) {
        return new BlockManagerMaster(new ExecutorCommands(runtime, Duration.ofSeconds(5)));
    }
}
