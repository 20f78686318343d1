package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import java.util.List;

/** {@code spark.range(start, end, step)}: one bigint column {@code id}. */
public record RangeRelation(long start, long end, long step, int numSlices, AttributeReference id) implements LeafPlan {

    @Override
    public List<AttributeReference> output() {
        return List.of(id);
    }

    /** The number of values. */
    public long count() {
        if (step > 0 ? start >= end : start <= end) {
            return 0;
        }
        return (Math.abs(end - start) + Math.abs(step) - 1) / Math.abs(step);
    }

    @Override
    public String nodeString() {
        return "Range (" + start + ", " + end + ", step=" + step + ", splits=" + numSlices + ")";
    }

    @Override
    public long sizeInBytes() {
        return Math.max(1, count() * 8);
    }
}
