package io.ember.dataframe.internal.plan.stats;

import java.util.Map;

/** What an estimate gives before sizes are worked out: rows, and per attribute id its column's statistics. */
record RowEstimate(long rows, Map<Long, ColumnStat> columns) {
}
