package io.ember.testing.ui;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Functions;
import io.ember.dataframe.types.DataTypes;
import io.ember.rdd.EmberContext;
import io.ember.testing.EmberTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SQL page and {@code /sql} API of a live application: each DataFrame action's physical plan
 * with the exact rows every operator produced, its jobs, SQL text and errors.
 */
@Timeout(120)
@EmberTest(master = "local[2]", appName = "sql-ui-test", settings = {"ember.ui.enabled=true", "ember.ui.port=0"})
class WebUiSqlTest {

    /**
     * 100 orders in 4 partitions (ids 0-24, 25-49, 50-74, 75-99), customer {@code id % 5};
     * 4 customers (0-3). Orders from id 40: 60; those of a known customer: 48; per customer: 12.
     */
    static DataFrame ordersPerCustomer(EmberSession spark) {
        DataFrame orders = spark.range(0, 100, 1, 4).withColumn("customer", col("id").mod(5));
        DataFrame customers = spark.range(0, 4, 1, 1).withColumnRenamed("id", "customer");
        return orders.filter(col("id").geq(40)).join(customers, "customer").groupBy("customer")
                .agg(count(col("id")).as("orders"));
    }

    /** The row counts {@link #ordersPerCustomer}'s operators must show. */
    static Map<String, Long> expectedRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("0 HashAggregate", 4L);
        rows.put("1 Exchange", 12L); // the partial aggregates: 4 customers in each of the 3 non-empty partitions
        rows.put("2 HashAggregate", 12L);
        rows.put("3 Project", 48L);
        rows.put("4 BroadcastHashJoin", 48L);
        rows.put("5 Project", 60L);
        rows.put("6 Filter", 60L);
        rows.put("7 Range", 100L);
        rows.put("8 BroadcastExchange", 4L);
        rows.put("9 Project", 4L);
        rows.put("10 Range", 4L);
        return rows;
    }

    @Test
    void filterJoinGroupBy_showsThePlanWithEachOperatorsRows(EmberContext sc, EmberSession spark) throws Exception {
        assertEquals(4, ordersPerCustomer(spark).collect().length);
        String app = sc.uiWebUrl().get();
        Map<String, Object> execution = SqlApi.ended(api(sc), "collect at WebUiSqlTest.java");
        assertEquals("COMPLETED", execution.get("status"));
        assertEquals(expectedRows(), SqlApi.rowsByNode(execution));
        assertEquals(List.of(), execution.get("failedJobIds"));
        assertEquals(2, ((List<?>) execution.get("successJobIds")).size(), "the broadcast's job and the result's");
        assertTrue(String.valueOf(execution.get("planDescription")).contains("+- BroadcastExchange"));
        Object id = execution.get("id");
        assertEquals(execution, io.ember.rdd.internal.ui.json.JsonParser.parse(SqlApi.get(api(sc) + "/" + id)));

        String list = SqlApi.get(app + "/sql/");
        assertTrue(list.contains("id=\"completed-queries\"") && list.contains("collect at WebUiSqlTest.java"), list);
        String page = SqlApi.get(app + "/sql/execution/?id=" + id);
        assertTrue(page.contains("<ul class=\"plan-tree\" id=\"sql-plan\">"), page);
        assertTrue(page.contains("id=\"plan-node-6\" data-rows=\"60\"><span class=\"node-name\">Filter</span>"
                + " <span class=\"node-rows\">number of output rows: 60</span>"), page);
        assertTrue(page.contains("id=\"plan-node-8\" data-rows=\"4\"><span class=\"node-name\">BroadcastExchange"),
                page);
        assertTrue(page.indexOf("plan-node-7") < page.indexOf("plan-node-8"), "children in plan order");
    }

    @Test
    void sqlQuery_isDescribedByItsText_andTakeCountsTheRowsItReturns(EmberContext sc, EmberSession spark)
            throws Exception {
        spark.range(0, 30, 1, 3).createOrReplaceTempView("numbers");
        String query = "SELECT id FROM numbers WHERE id % 2 = 0";
        assertEquals(3, spark.sql(query).takeAsList(3).size());
        Map<String, Object> execution = SqlApi.ended(api(sc), query);
        assertTrue(String.valueOf(execution.get("callSite")).startsWith("takeAsList at WebUiSqlTest.java:"),
                execution.toString());
        // One job over the first partition (ids 0-9) finds enough rows: 5 even ones, 3 kept.
        assertEquals(Map.of("0 CollectLimit", 3L, "1 Filter", 5L, "2 Range", 10L), SqlApi.rowsByNode(execution));
    }

    @Test
    void failedAction_isAFailedQueryWithItsError(EmberContext sc, EmberSession spark) throws Exception {
        var boom = Functions.udf((Long x) -> {
            if (x == 7) {
                throw new IllegalStateException("bad order 7");
            }
            return x;
        }, DataTypes.LongType);
        DataFrame failing = spark.range(0, 10, 1, 2).select(boom.apply(col("id")).as("checked"));
        assertThrows(RuntimeException.class, () -> failing.count());
        Map<String, Object> execution = SqlApi.ended(api(sc), "count at WebUiSqlTest.java");
        assertEquals("FAILED", execution.get("status"));
        assertTrue(String.valueOf(execution.get("errorMessage")).contains("bad order 7"), execution.toString());
        assertEquals(1, ((List<?>) execution.get("failedJobIds")).size(), execution.toString());
        String list = SqlApi.get(sc.uiWebUrl().get() + "/sql/");
        assertTrue(list.contains("id=\"failed-queries\"") && list.contains("bad order 7"), list);
    }

    private static String api(EmberContext sc) {
        return sc.uiWebUrl().get() + "/api/v1/applications/" + sc.applicationId() + "/sql";
    }
}
