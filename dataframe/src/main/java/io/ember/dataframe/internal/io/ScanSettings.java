package io.ember.dataframe.internal.io;

import java.io.Serializable;

/** Session settings a scan needs on the executors. */
public record ScanSettings(int batchSize, String timeZone, long maxPartitionBytes) implements Serializable {
}
