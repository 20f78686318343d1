package io.ember.dataframe.internal.physical;

import io.ember.rdd.Broadcast;

/**
 * Where a broadcast hash join hands its build side's key table to the {@link RuntimeFilterExec}
 * placed in its stream side: the join fills it when it has broadcast its build side, before it
 * builds its stream side's RDDs, so the filter finds it when it builds its own. A filter whose
 * slot is still empty (its RDD was built before the join's) lets every row through: the filter
 * only saves work, it never decides the answer.
 *
 * <p>Owned by the driver thread planning the query into RDDs; {@code volatile} because one
 * physical plan may be executed from more than one thread over its life.
 */
final class RuntimeFilterSlot {
    private volatile Broadcast<BroadcastHashJoinExec.HashedRelation> relation;

    void fill(Broadcast<BroadcastHashJoinExec.HashedRelation> built) {
        relation = built;
    }

    /** The build side's broadcast, or null while the join has not made it. */
    Broadcast<BroadcastHashJoinExec.HashedRelation> relation() {
        return relation;
    }
}
