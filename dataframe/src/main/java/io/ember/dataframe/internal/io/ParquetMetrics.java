package io.ember.dataframe.internal.io;

import io.ember.rdd.EmberContext;
import io.ember.rdd.LongAccumulator;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * Counters of Parquet reading in one application, to check pruning and skipping: row groups
 * read, skipped by statistics and answered from footers alone, the compressed column-chunk
 * bytes read, and the rows a scan's own condition rejected before their other columns were
 * decoded.
 *
 * <pre>{@code
 * ParquetMetrics metrics = ParquetMetrics.of(spark.context());
 * metrics.reset();
 * df.filter(col("id").geq(49_990)).count();
 * metrics.rowGroupsRead();   // 1
 * }</pre>
 *
 * <p>The counts are the context's accumulators (named {@code parquet.rowGroupsRead},
 * {@code parquet.rowGroupsSkipped}, {@code parquet.rowGroupsFromFooters}, {@code parquet.bytesRead},
 * {@code parquet.rowsFilteredLate}): scan tasks add to their copies,
 * which travel back with their results, so executors in other JVMs count too. Read them on the
 * driver after an action; a row group read by a task that is retried or recomputed (a lost
 * executor, an evicted cached partition) counts again. Thread-safe.
 */
public final class ParquetMetrics {
    private static final Map<EmberContext, ParquetMetrics> BY_CONTEXT = new WeakHashMap<>();

    private final Counters counters;
    private final LongAccumulator rowGroupsSkipped;

    /** What scan tasks add to: shipped inside their closures. */
    record Counters(LongAccumulator rowGroupsRead, LongAccumulator bytesRead, LongAccumulator rowGroupsFromFooters,
                    LongAccumulator rowsFilteredLate) implements Serializable {

        void read(long bytes) {
            rowGroupsRead.add(1);
            bytesRead.add(bytes);
        }

        void answeredFromFooter() {
            rowGroupsFromFooters.add(1);
        }

        void filteredLate(long rows) {
            rowsFilteredLate.add(rows);
        }
    }

    private ParquetMetrics(EmberContext sc) {
        this.counters = new Counters(sc.longAccumulator("parquet.rowGroupsRead"), sc.longAccumulator("parquet.bytesRead"),
                sc.longAccumulator("parquet.rowGroupsFromFooters"), sc.longAccumulator("parquet.rowsFilteredLate"));
        this.rowGroupsSkipped = sc.longAccumulator("parquet.rowGroupsSkipped");
    }

    /** The counters of {@code sc}'s application, registered the first time they are asked for. */
    public static ParquetMetrics of(EmberContext sc) {
        Objects.requireNonNull(sc, "sc is null");
        synchronized (BY_CONTEXT) {
            return BY_CONTEXT.computeIfAbsent(sc, ParquetMetrics::new);
        }
    }

    /** Row groups decoded since the last reset, by tasks that have ended. */
    public long rowGroupsRead() {
        return counters.rowGroupsRead().sum();
    }

    /** Row groups skipped by statistics since the last reset (decided on the driver, when scans are planned). */
    public long rowGroupsSkipped() {
        return rowGroupsSkipped.sum();
    }

    /**
     * Row groups whose rows were answered from their footer's row count, without reading a page
     * ({@code count(*)}, scans of partition columns only), by tasks that have ended.
     */
    public long rowGroupsFromFooters() {
        return counters.rowGroupsFromFooters().sum();
    }

    /** Compressed bytes of the column chunks read since the last reset, by tasks that have ended. */
    public long bytesRead() {
        return counters.bytesRead().sum();
    }

    /**
     * Rows that a scan's condition rejected since the last reset, by tasks that have ended: only
     * the condition's columns of these rows were decoded, the scan's other columns skipped them.
     */
    public long rowsFilteredLate() {
        return counters.rowsFilteredLate().sum();
    }

    /** Sets every counter to zero; call it between actions, not while a job runs. */
    public void reset() {
        counters.rowGroupsRead().reset();
        counters.bytesRead().reset();
        counters.rowGroupsFromFooters().reset();
        counters.rowsFilteredLate().reset();
        rowGroupsSkipped.reset();
    }

    /** What scan tasks of this application count into. */
    Counters counters() {
        return counters;
    }

    /** Counts row groups skipped while planning a scan, on the driver. */
    void skipped(long groups) {
        rowGroupsSkipped.add(groups);
    }
}
