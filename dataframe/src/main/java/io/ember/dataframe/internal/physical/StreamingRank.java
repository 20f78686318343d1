package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import io.ember.dataframe.internal.window.RankingFunction;

/** Ranking functions over a spilled partition: positions, peer groups (read ahead) and the partition's size. */
final class StreamingRank implements StreamingWindowFunction {
    private final WindowEvaluator.Rank rank;
    private final WindowPeerGroups peers;
    private long from;
    private long size;

    StreamingRank(WindowEvaluator.Rank rank, SpillableBatchBuffer buffer, RowOrdering order) {
        this.rank = rank;
        boolean byPosition = rank.kind == RankingFunction.Kind.ROW_NUMBER || rank.kind == RankingFunction.Kind.NTILE;
        this.peers = byPosition ? null : new WindowPeerGroups(buffer, order);
    }

    @Override
    public void startPartition(long from, long to) {
        this.from = from;
        this.size = to - from;
        if (peers != null) {
            peers.startPartition(from, to);
        }
    }

    @Override
    public void evaluate(long i, ColumnBatch batch, int row, ColumnVector out) {
        if (peers != null) {
            peers.advance(i);
        }
        long position = i - from;
        switch (rank.kind) {
            case ROW_NUMBER -> out.appendInt(Math.toIntExact(position + 1));
            case RANK -> out.appendInt(Math.toIntExact(peers.groupStart - from + 1));
            case DENSE_RANK -> out.appendInt(Math.toIntExact(peers.groups));
            case NTILE -> out.appendInt(rank.ntile(Math.toIntExact(position), Math.toIntExact(size)));
            case PERCENT_RANK -> out.appendDouble(size == 1 ? 0.0 : (double) (peers.groupStart - from) / (size - 1));
            case CUME_DIST -> out.appendDouble((double) (peers.groupEnd - from) / size);
        }
    }
}
