package io.ember.dataframe.sql;

import static io.ember.dataframe.Functions.avg;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.hour;
import static io.ember.dataframe.Functions.sum;
import static io.ember.dataframe.sql.SqlFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.examples.TaxiRevenue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One planner, two front ends: the course's revenue queries written in SQL give the same rows, the
 * same optimized logical plan and the same physical plan as written with the DataFrame API.
 */
class SqlVersusDataFrameTest {
    @TempDir
    static Path dir;
    private static EmberSession spark;

    @BeforeAll
    static void data() throws IOException {
        spark = SqlTestSession.get();
        TaxiRevenue.prepare(dir, 3_000);
        spark.read().option("header", "true").schema(TaxiRevenue.YELLOW_SCHEMA).csv(dir.resolve("yellow").toString())
                .createOrReplaceTempView("yellow");
        spark.read().option("header", "true").schema(TaxiRevenue.GREEN_SCHEMA).csv(dir.resolve("green").toString())
                .createOrReplaceTempView("green");
        spark.read().option("header", "true").option("inferSchema", "true")
                .csv(dir.resolve("taxi_zone_lookup.csv").toString()).createOrReplaceTempView("zones");
    }

    /** The example's revenue per zone and hour, green and yellow together (TaxiRevenue.revenue), in SQL. */
    private static final String REVENUE_SQL = """
            WITH trips AS (
              SELECT tpep_pickup_datetime AS pickup_datetime, PULocationID, total_amount, trip_distance,
                     'yellow' AS service_type
              FROM yellow
              UNION ALL
              SELECT lpep_pickup_datetime AS pickup_datetime, PULocationID, total_amount, trip_distance,
                     'green' AS service_type
              FROM green
            )
            SELECT Zone, date_trunc('hour', pickup_datetime) AS hour,
                   round(sum(total_amount), 2) AS revenue, count(*) AS trips,
                   round(avg(trip_distance), 2) AS avg_distance
            FROM trips JOIN zones ON PULocationID = LocationID
            WHERE total_amount > 0
            GROUP BY Zone, date_trunc('hour', pickup_datetime)
            """;

    @Test
    void revenueQuery_sqlAndDataFrame_agree() {
        DataFrame api = TaxiRevenue.revenue(spark, dir);
        DataFrame sql = spark.sql(REVENUE_SQL);
        assertEquals(List.of(api.columns()), List.of(sql.columns()));
        List<List<Object>> expected = sorted(rows(api));
        assertFalse(expected.isEmpty());
        assertEquals(expected, sorted(rows(sql)));
        assertEquals(PlanText.normalized(api.optimizedPlanString()), PlanText.normalized(sql.optimizedPlanString()));
        assertEquals(PlanText.normalized(api.explainString(false)), PlanText.normalized(sql.explainString(false)));
    }

    @Test
    void issueExampleQuery_sqlAndDataFrame_agree() {
        DataFrame trips = spark.table("yellow");
        DataFrame zones = spark.table("zones");
        DataFrame api = trips.filter(col("total_amount").gt(0))
                .join(zones, col("PULocationID").equalTo(col("LocationID")))
                .groupBy(col("Borough"), hour(col("tpep_pickup_datetime")).as("hour"))
                .agg(sum("total_amount").as("revenue"), count("*").as("trips"), avg("trip_distance"))
                .orderBy(col("revenue").desc());
        DataFrame sql = spark.sql("""
                SELECT Borough, hour(tpep_pickup_datetime) AS hour, sum(total_amount) AS revenue,
                       count(*) AS trips, avg(trip_distance)
                FROM yellow JOIN zones ON PULocationID = LocationID
                WHERE total_amount > 0
                GROUP BY 1, 2
                ORDER BY revenue DESC
                """);
        assertEquals(List.of(api.columns()), List.of(sql.columns()));
        assertEquals(rows(api), rows(sql));
        String plan = PlanText.normalized(sql.optimizedPlanString());
        assertEquals(PlanText.normalized(api.optimizedPlanString()), plan);
        assertEquals(PlanText.normalized(api.explainString(false)), PlanText.normalized(sql.explainString(false)));
        assertTrue(plan.contains("Aggregate [Borough, hour(tpep_pickup_datetime)]"), plan);
    }

    @Test
    void simpleQueries_haveTheSameOptimizedPlans() {
        DataFrame emp = SqlFixtures.emp(spark);
        emp.createOrReplaceTempView("plan_emp");
        SqlFixtures.dept(spark).createOrReplaceTempView("plan_dept");
        assertSamePlan(emp.filter(col("salary").gt(50)).select(col("name"), col("salary").multiply(2).as("pay"))
                        .orderBy(col("pay").desc()).limit(2),
                "SELECT name, salary * 2 AS pay FROM plan_emp WHERE salary > 50 ORDER BY pay DESC LIMIT 2");
        assertSamePlan(emp.join(spark.table("plan_dept"), List.of("dept"), "left").select("name", "floor"),
                "SELECT name, floor FROM plan_emp LEFT JOIN plan_dept USING (dept)");
        assertSamePlan(emp.select("dept").distinct(), "SELECT DISTINCT dept FROM plan_emp");
        assertSamePlan(emp.select("dept").union(spark.table("plan_dept").select("dept")),
                "SELECT dept FROM plan_emp UNION ALL SELECT dept FROM plan_dept");
    }

    private static void assertSamePlan(DataFrame api, String sql) {
        DataFrame fromSql = spark.sql(sql);
        assertEquals(PlanText.normalized(api.optimizedPlanString()), PlanText.normalized(fromSql.optimizedPlanString()),
                sql);
        assertEquals(rows(api), rows(fromSql), sql);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }
}
