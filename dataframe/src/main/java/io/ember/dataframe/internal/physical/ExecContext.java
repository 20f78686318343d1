package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.io.ScanSettings;
import io.ember.rdd.EmberContext;

/**
 * What physical operators need from the session while they build RDDs: the engine context and
 * the SQL settings in force when the query was planned ({@code lateMaterialization}: whether
 * scans whose source evaluates conditions take the filter above them).
 */
public record ExecContext(EmberContext sc, int shufflePartitions, int batchSize, long broadcastThreshold,
                          String timeZone, long maxPartitionBytes, boolean preferSortMergeJoin,
                          long maxBroadcastTableSize, boolean runtimeFilters, boolean lateMaterialization) {

    /** The settings file scans need on the executors. */
    public ScanSettings scanSettings() {
        return new ScanSettings(batchSize, timeZone, maxPartitionBytes);
    }
}
