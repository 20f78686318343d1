package io.ember.actors.internal.spi;

/** Names a block held by an executor's {@link BlockStore}. */
public sealed interface BlockId {

    /** The name Spark would give the block, e.g. {@code shuffle_0_3_1} or {@code rdd_2_5}. */
    String name();

    /** The output of map task {@code mapId} of shuffle {@code shuffleId} for reducer {@code reduceId}. */
    record ShuffleBlock(int shuffleId, int mapId, int reduceId) implements BlockId {
        @Override
        public String name() {
            return "shuffle_" + shuffleId + "_" + mapId + "_" + reduceId;
        }
    }

    /** A cached (persisted) partition of an RDD. */
    record RddBlock(int rddId, int partition) implements BlockId {
        @Override
        public String name() {
            return "rdd_" + rddId + "_" + partition;
        }
    }

    /**
     * A broadcast variable on an executor: its serialized bytes as shipped ({@code piece}), or
     * its deserialized value, shared by the executor's tasks.
     */
    record BroadcastBlock(long broadcastId, boolean piece) implements BlockId {
        @Override
        public String name() {
            return "broadcast_" + broadcastId + (piece ? "_piece0" : "");
        }
    }
}
