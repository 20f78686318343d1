package io.ember.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.internal.ui.SqlExecutionData;
import io.ember.dataframe.internal.ui.SqlStatus;
import io.ember.rdd.EmberContext;
import io.ember.rdd.internal.ui.eventlog.EventLogReader;
import io.ember.rdd.internal.ui.history.HistoryServer;
import io.ember.testing.EmberTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SQL executions round-trip through the event log: the history server serves the same
 * {@code /sql} API and the same plan tree with row counts as the live UI did.
 */
@Timeout(120)
@EmberTest(appName = "sql-history-test",
        settings = {"ember.ui.enabled=true", "ember.ui.port=0", "ember.eventLog.dir=target/sql-history-test-logs"})
class WebUiSqlHistoryTest {
    private static final Path LOGS = Path.of("target/sql-history-test-logs");

    @BeforeAll
    static void removeOldLogs() throws IOException {
        if (Files.exists(LOGS)) {
            try (var files = Files.walk(LOGS)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void eventLog_replaysTheSqlPageAsItWasLive(EmberContext sc, EmberSession spark) throws Exception {
        String appId = sc.applicationId();
        String liveApi = sc.uiWebUrl().get() + "/api/v1/applications/" + appId + "/sql";
        String liveList;
        String livePlan;
        Object id;
        try (sc) {
            WebUiSqlTest.ordersPerCustomer(spark).collect();
            Map<String, Object> execution = SqlApi.ended(liveApi, "collect at WebUiSqlHistoryTest.java");
            id = execution.get("id");
            liveList = SqlApi.get(liveApi);
            livePlan = plan(SqlApi.get(sc.uiWebUrl().get() + "/sql/execution/?id=" + id));
        }
        Path log = LOGS.resolve(appId);
        assertTrue(Files.readAllLines(log).stream().anyMatch(l -> l.startsWith("{\"Event\":\"SqlExecutionEnd\"")));
        SqlExecutionData replayed = SqlStatus.of(EventLogReader.replay(log)).executions().get(0);
        assertEquals(SqlExecutionData.Status.COMPLETED, replayed.status());
        assertEquals(60L, replayed.rowsByNode().get(6));
        assertEquals("Filter", replayed.plan().children().get(0).children().get(0).children().get(0).children().get(0)
                .children().get(0).children().get(0).name());

        try (HistoryServer history = new HistoryServer(LOGS, 0)) {
            String api = history.url() + "/api/v1/applications/" + appId + "/sql";
            assertEquals(liveList, SqlApi.get(api));
            assertEquals(WebUiSqlTest.expectedRows(), SqlApi.rowsByNode(SqlApi.ended(api, "collect at")));
            String page = SqlApi.get(history.url() + "/history/" + appId + "/sql/execution/?id=" + id);
            assertEquals(livePlan, plan(page));
            assertTrue(SqlApi.get(history.url() + "/history/" + appId + "/sql/").contains("completed-queries"));
        }
    }

    /** The plan tree of an execution's page. */
    private static String plan(String page) {
        int start = page.indexOf("<ul class=\"plan-tree\"");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</main>", start));
    }
}
