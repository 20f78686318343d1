package io.ember.dataframe.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A SQL execution's mutable state inside {@link SqlStatus}; guarded by its lock. */
final class LiveSqlExecution {
    final SqlExecutionStart start;
    final List<Integer> jobIds = new ArrayList<>();
    long completionTime = -1;
    String error;
    Map<Integer, Long> rowsByNode = Map.of();

    LiveSqlExecution(SqlExecutionStart start) {
        this.start = start;
    }

    boolean running() {
        return completionTime < 0;
    }

    void ended(SqlExecutionEnd end) {
        completionTime = end.time();
        error = end.error();
        rowsByNode = end.rowsByNode() == null ? Map.of() : new TreeMap<>(end.rowsByNode().toJavaMap());
    }

    SqlExecutionData toData() {
        SqlExecutionData.Status status = running() ? SqlExecutionData.Status.RUNNING
                : error == null ? SqlExecutionData.Status.COMPLETED : SqlExecutionData.Status.FAILED;
        return new SqlExecutionData(start.executionId(), start.description(), start.callSite(), start.time(),
                completionTime, status, error, start.plan(), java.util.Collections.unmodifiableMap(rowsByNode),
                List.copyOf(jobIds));
    }
}
