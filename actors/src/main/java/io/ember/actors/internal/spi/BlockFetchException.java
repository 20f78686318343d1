package io.ember.actors.internal.spi;

/** A block could not be read from the executor that was supposed to hold it. */
public class BlockFetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String executorId;
    private final BlockId blockId;

    /** Creates the exception for {@code blockId} on {@code executorId}, with the reason. */
    public BlockFetchException(String executorId, BlockId blockId, String reason) {
        super("Failed to fetch block " + blockId.name() + " from executor " + executorId + ": " + reason);
        this.executorId = executorId;
        this.blockId = blockId;
    }

    /** The executor that was asked. */
    public String executorId() {
        return executorId;
    }

    /** The block that was asked for. */
    public BlockId blockId() {
        return blockId;
    }
}
