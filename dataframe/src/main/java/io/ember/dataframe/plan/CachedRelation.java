package io.ember.dataframe.plan;

import io.ember.dataframe.expressions.AttributeReference;
import java.util.List;

/** The rows of a cached DataFrame: computed once, on first use, then kept in memory. */
public record CachedRelation(List<AttributeReference> output, CachedData data) implements LeafPlan {

    @Override
    public String nodeString() {
        return "InMemoryRelation " + LogicalPlan.list(output) + ", " + data.storageLevel();
    }

    @Override
    public long sizeInBytes() {
        return data.sizeInBytes();
    }
}
