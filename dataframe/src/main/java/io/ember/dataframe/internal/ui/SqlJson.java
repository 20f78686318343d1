package io.ember.dataframe.internal.ui;

import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.JobData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL executions in the shape of Spark's {@code /sql} REST API: id, status, description, plan
 * description, times, job ids by status, and the plan's operators as {@code nodes} (each with its
 * {@code number of output rows} metric) and {@code edges} (from child to parent).
 */
final class SqlJson {
    /** The metric each operator reports, by Spark's name. */
    static final String ROWS_METRIC = "number of output rows";

    private SqlJson() {
    }

    /** Every retained execution, oldest first as Spark lists them. */
    static List<Map<String, Object>> all(AppStatusStore store, long now) {
        List<Map<String, Object>> result = new ArrayList<>();
        SqlStatus.of(store).executions().forEach(execution -> result.add(0, of(store, execution, now)));
        return result;
    }

    /** One execution. */
    static Map<String, Object> of(AppStatusStore store, SqlExecutionData execution, long now) {
        List<Integer> running = new ArrayList<>();
        List<Integer> succeeded = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        for (int jobId : execution.jobIds()) {
            JobData.JobStatus status = store.job(jobId).map(JobData::status).getOrElse(JobData.JobStatus.SUCCEEDED);
            (status == JobData.JobStatus.RUNNING ? running : status == JobData.JobStatus.FAILED ? failed : succeeded)
                    .add(jobId);
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        StringBuilder plan = new StringBuilder();
        walk(execution.plan(), execution.rowsByNode(), 0, nodes, edges, plan);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", execution.executionId());
        result.put("status", execution.status());
        result.put("description", execution.description());
        result.put("callSite", execution.callSite());
        result.put("planDescription", plan.toString());
        result.put("submissionTime", execution.submissionTime());
        result.put("duration", execution.duration(now));
        result.put("runningJobIds", running);
        result.put("successJobIds", succeeded);
        result.put("failedJobIds", failed);
        result.put("errorMessage", execution.error());
        result.put("nodes", nodes);
        result.put("edges", edges);
        return result;
    }

    private static void walk(SqlPlanNode node, Map<Integer, Long> rows, int depth, List<Map<String, Object>> nodes,
                             List<Map<String, Object>> edges, StringBuilder plan) {
        plan.append(depth == 0 ? "" : "   ".repeat(depth - 1) + "+- ").append(node.detail()).append('\n');
        List<Map<String, Object>> metrics = new ArrayList<>();
        Long count = rows.get(node.id());
        if (count != null) {
            metrics.add(pair("name", ROWS_METRIC, "value", Long.toString(count)));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nodeId", node.id());
        json.put("nodeName", node.name());
        json.put("nodeDetail", node.detail());
        json.put("metrics", metrics);
        nodes.add(json);
        for (SqlPlanNode child : node.children()) {
            edges.add(pair("fromId", child.id(), "toId", node.id()));
            walk(child, rows, depth + 1, nodes, edges, plan);
        }
    }

    private static Map<String, Object> pair(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }
}
