package io.ember.dataframe.internal.physical;

import io.ember.dataframe.RuntimeConfig;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.DataType;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The guard on what a broadcast collects ({@value RuntimeConfig#MAX_BROADCAST_TABLE_SIZE}): each
 * task stops as soon as its partition alone passes the limit, and the driver checks the sum
 * before it concatenates the partitions and builds the broadcast value; either way the query
 * fails with Spark's message, naming the setting and the ways to avoid the broadcast, instead of
 * exhausting the driver's memory. Sizes are the batches' estimates.
 */
final class BroadcastLimit {
    private BroadcastLimit() {
    }

    /** The batches of one partition as one batch, failing as soon as they pass {@code limit} bytes. */
    static ColumnBatch drainWithin(Iterator<ColumnBatch> it, List<DataType> types, long limit, int partition) {
        return drainUpTo(it, types, limit).getOrElseThrow(
                () -> tooLarge(limit, "more than " + limit + " bytes in partition " + partition + " alone"));
    }

    /**
     * The batches of one partition as one batch, or none as soon as they pass {@code bound} bytes
     * (the rest is not read): for a broadcast that shuffles instead when its side is larger.
     */
    static Option<ColumnBatch> drainUpTo(Iterator<ColumnBatch> it, List<DataType> types, long bound) {
        List<ColumnBatch> all = new ArrayList<>();
        long bytes = 0;
        while (it.hasNext()) {
            ColumnBatch b = it.next();
            if (b.numRows == 0) {
                continue;
            }
            bytes += b.estimatedBytes();
            if (bytes > bound) {
                return Option.none();
            }
            all.add(b);
        }
        return Option.some(all.isEmpty() ? ColumnBatch.empty(types) : ColumnBatch.concat(types, all));
    }

    /** The estimated bytes of {@code parts} together. */
    static long bytes(List<ColumnBatch> parts) {
        long bytes = 0;
        for (ColumnBatch p : parts) {
            bytes += p.estimatedBytes();
        }
        return bytes;
    }

    /** Fails if the partitions together pass {@code limit} bytes. */
    static void check(List<ColumnBatch> parts, long limit) {
        long bytes = bytes(parts);
        if (bytes > limit) {
            throw tooLarge(limit, bytes + " bytes in " + parts.size() + " partitions");
        }
    }

    private static IllegalStateException tooLarge(long limit, String found) {
        return new IllegalStateException("Cannot broadcast the table that is larger than " + human(limit) + ": found "
                + found + ". Raise " + RuntimeConfig.MAX_BROADCAST_TABLE_SIZE + " (now " + limit + " bytes) if the "
                + "driver and executors can hold it, or let the join shuffle: lower "
                + RuntimeConfig.AUTO_BROADCAST_JOIN_THRESHOLD + " (-1 disables automatic broadcasts) or remove the "
                + "broadcast hint");
    }

    private static String human(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
