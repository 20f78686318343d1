package io.ember.dataframe.internal.plan;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.rdd.StorageLevel;
import java.util.List;

/** The rows of a persisted DataFrame: a scan of its persisted RDD, computed by the first job that reads it. */
public record CachedRelation(List<AttributeReference> output, CachedData data) implements LeafPlan {

    @Override
    public String nodeString() {
        return "InMemoryRelation " + LogicalPlan.list(output) + ", " + sparkName(data.storageLevel());
    }

    /** The level as Spark prints it, e.g. {@code StorageLevel(disk, memory, deserialized, 1 replicas)}. */
    private static String sparkName(StorageLevel level) {
        StringBuilder sb = new StringBuilder("StorageLevel(");
        if (level.useDisk()) {
            sb.append("disk, ");
        }
        if (level.useMemory()) {
            sb.append("memory, ");
        }
        if (level.deserialized()) {
            sb.append("deserialized, ");
        }
        return sb.append("1 replicas)").toString();
    }

    @Override
    public long sizeInBytes() {
        return data.sizeInBytes();
    }
}
