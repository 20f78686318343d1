package io.ember.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.ui.SqlExecutionData;
import io.ember.dataframe.internal.ui.SqlExecutionEnd;
import io.ember.dataframe.internal.ui.SqlExecutionStart;
import io.ember.dataframe.internal.ui.SqlPlanNode;
import io.ember.dataframe.internal.ui.SqlStatus;
import io.ember.rdd.EmberContext;
import io.ember.rdd.internal.ui.eventlog.EventLogReader;
import io.ember.rdd.internal.ui.history.HistoryServer;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.testing.EmberTest;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL tab's events (DataFrames' UI extension) go through rdd-core's event log and history
 * server: posted events round-trip with their plans and row counts, and a log written when these
 * events were rdd-core's own {@code ListenerEvent}s still reads.
 */
@Timeout(60)
@EmberTest(appName = "sql-event-log-test",
        settings = {"ember.ui.enabled=true", "ember.ui.port=0", "ember.eventLog.dir=target/sql-event-log-test-logs"})
class SqlEventLogTest {
    private static final Path LOGS = Path.of("target/sql-event-log-test-logs");

    @Test
    void sqlExecutions_roundTripWithTheirPlansAndRowCounts(EmberContext sc) throws Exception {
        String appId = sc.applicationId();
        String liveSql;
        var scan = new SqlPlanNode(1, "Scan", "Scan numbers", List.empty());
        var plan = new SqlPlanNode(0, "Filter", "Filter (x > 1)", List.of(scan));
        try (sc) {
            sc.postEvent(new SqlExecutionStart(7, "SELECT * FROM numbers WHERE x > 1", "collect at Q.java:3", plan,
                    1000));
            sc.parallelize(List.range(0, 10), 2).count();
            sc.postEvent(new SqlExecutionEnd(7, 1500, HashMap.of(0, 8L, 1, 10L), null));
            String api = sc.uiWebUrl().get() + "/api/v1/applications/" + appId + "/sql";
            SqlApi.ended(api, "SELECT * FROM numbers");
            liveSql = SqlApi.get(api);
        }
        SqlExecutionData execution = SqlStatus.of(EventLogReader.replay(LOGS.resolve(appId))).execution(7).get();
        assertEquals(plan, execution.plan());
        assertEquals(java.util.Map.of(0, 8L, 1, 10L), execution.rowsByNode());
        assertEquals(java.util.List.of(0), execution.jobIds());
        assertEquals(500, execution.duration(0));
        try (HistoryServer history = new HistoryServer(LOGS, 0)) {
            assertEquals(liveSql, SqlApi.get(history.url() + "/api/v1/applications/" + appId + "/sql"));
            String page = SqlApi.get(history.url() + "/history/" + appId + "/sql/execution/?id=7");
            assertTrue(page.contains("id=\"plan-node-1\" data-rows=\"10\""), page);
            assertTrue(page.contains("id=\"tab-sql\""), page);
        }
    }

    @Test
    void eventLogWrittenWhenSqlEventsLivedInRddCore_stillReads(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("local-1"), java.util.List.of(
                "{\"Event\":\"LogStart\",\"appId\":\"local-1\",\"emberVersion\":\"0.1.0-SNAPSHOT\"}",
                "{\"Event\":\"ApplicationStart\",\"appName\":\"old\",\"master\":\"local[1]\",\"time\":1000,"
                        + "\"conf\":{\"ember.app.name\":\"old\"}}",
                "{\"Event\":\"SqlExecutionStart\",\"executionId\":3,\"description\":\"SELECT 1\","
                        + "\"callSite\":\"collect at Old.java:5\",\"plan\":{\"id\":0,\"name\":\"Project\","
                        + "\"detail\":\"Project [1]\",\"children\":[{\"id\":1,\"name\":\"Scan\",\"detail\":\"Scan OneRow\","
                        + "\"children\":[]}]},\"time\":1100}",
                "{\"Event\":\"JobStart\",\"jobId\":0,\"callSite\":\"collect at Old.java:5\",\"time\":1200,\"stages\":[]}",
                "{\"Event\":\"JobEnd\",\"jobId\":0,\"time\":1300,\"succeeded\":true,\"error\":null}",
                "{\"Event\":\"SqlExecutionEnd\",\"executionId\":3,\"time\":1400,\"rowsByNode\":{\"0\":1,\"1\":1},"
                        + "\"error\":null}",
                "{\"Event\":\"ApplicationEnd\",\"time\":1500}"));
        AppStatusStore store = EventLogReader.replay(log);
        SqlExecutionData execution = SqlStatus.of(store).executions().get(0);
        assertEquals(new SqlExecutionData(3, "SELECT 1", "collect at Old.java:5", 1100, 1400,
                SqlExecutionData.Status.COMPLETED, null,
                new SqlPlanNode(0, "Project", "Project [1]",
                        List.of(new SqlPlanNode(1, "Scan", "Scan OneRow", List.empty()))),
                java.util.Map.of(0, 1L, 1, 1L), java.util.List.of(0)), execution);
        assertTrue(store.app().completed());
    }
}
