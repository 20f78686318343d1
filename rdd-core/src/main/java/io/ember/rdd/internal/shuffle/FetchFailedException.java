package io.ember.rdd.internal.shuffle;

/**
 * A reducer could not read a map task's output (its executor is gone, or the block is). The
 * scheduler answers by recomputing that map output from lineage, not by retrying the reducer
 * in place.
 */
public final class FetchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int shuffleId;
    private final int mapId;
    private final String executorId;

    /** Creates the exception for map output {@code mapId} of {@code shuffleId} on {@code executorId}. */
    public FetchFailedException(int shuffleId, int mapId, String executorId, String message) {
        super("Fetch of shuffle " + shuffleId + " map output " + mapId + " from executor " + executorId
                + " failed: " + message);
        this.shuffleId = shuffleId;
        this.mapId = mapId;
        this.executorId = executorId;
    }

    /** The shuffle. */
    public int shuffleId() {
        return shuffleId;
    }

    /** The map task whose output was missing. */
    public int mapId() {
        return mapId;
    }

    /** The executor that was asked for it. */
    public String executorId() {
        return executorId;
    }
}
