package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.RangeRelation;
import io.ember.dataframe.types.DataTypes;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Generates {@code spark.range} values a batch at a time, one slice per partition. */
public final class RangeExec extends LeafExec {
    private final RangeRelation range;

    public RangeExec(RangeRelation range) {
        this.range = range;
    }

    @Override
    public List<AttributeReference> output() {
        return range.output();
    }

    @Override
    public String nodeString() {
        return "Range (" + range.start() + ", " + range.end() + ", step=" + range.step() + ", splits="
                + range.numSlices() + ")";
    }

    @Override
    public Partitioning outputPartitioning() {
        return new Partitioning.Unknown(range.numSlices());
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        long count = range.count();
        int slices = Math.max(1, range.numSlices());
        List<long[]> parts = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            long from = count * i / slices;
            long to = count * (i + 1) / slices;
            parts.add(new long[] {range.start() + from * range.step(), to - from});
        }
        long step = range.step();
        int batchSize = ctx.batchSize();
        return ctx.sc().parallelize(parts, slices).mapPartitions(it -> generate(it, step, batchSize));
    }

    private static Iterator<ColumnBatch> generate(Iterator<long[]> slices, long step, int batchSize) {
        return new Iterator<>() {
            long next;
            long remaining;

            @Override
            public boolean hasNext() {
                while (remaining == 0 && slices.hasNext()) {
                    long[] s = slices.next();
                    next = s[0];
                    remaining = s[1];
                }
                return remaining > 0;
            }

            @Override
            public ColumnBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = (int) Math.min(batchSize, remaining);
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = next;
                    next += step;
                }
                remaining -= n;
                return new ColumnBatch(new ColumnVector[] {ColumnVector.ofLongs(DataTypes.LongType, values, null, n)}, n);
            }
        };
    }
}
