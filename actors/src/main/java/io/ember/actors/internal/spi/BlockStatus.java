package io.ember.actors.internal.spi;

/**
 * Where one block is held and how big it is there. A status with no bytes anywhere means the
 * block is gone (removed, or evicted without a disk copy).
 *
 * @param executorId the executor holding the block
 * @param id the block
 * @param memoryBytes bytes it takes in memory (an estimate for deserialized values), 0 if not there
 * @param diskBytes bytes of its file on local disk, 0 if none
 */
public record BlockStatus(String executorId, BlockId id, long memoryBytes, long diskBytes) {

    /** Whether the block is held anywhere. */
    public boolean isStored() {
        return memoryBytes > 0 || diskBytes > 0;
    }
}
