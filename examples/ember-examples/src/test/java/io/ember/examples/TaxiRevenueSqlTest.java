package io.ember.examples;

import static io.ember.dataframe.Functions.avg;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.hour;
import static io.ember.dataframe.Functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One planner, two front ends, on the example's data: the course's revenue queries written in SQL
 * give the same rows, the same optimized logical plan and the same physical plan as written with
 * the DataFrame API ({@link TaxiRevenue#revenue}).
 */
class TaxiRevenueSqlTest {
    @TempDir
    static Path dir;
    private static EmberSession spark;

    @BeforeAll
    static void data() throws IOException {
        spark = ExampleSession.get();
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
        List<Row> expected = sorted(api.collectAsList());
        assertFalse(expected.isEmpty());
        assertEquals(expected, sorted(sql.collectAsList()));
        assertEquals(normalized(api.optimizedPlanString()), normalized(sql.optimizedPlanString()));
        assertEquals(normalized(api.explainString(false)), normalized(sql.explainString(false)));
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
        assertEquals(api.collectAsList(), sql.collectAsList());
        String plan = normalized(sql.optimizedPlanString());
        assertEquals(normalized(api.optimizedPlanString()), plan);
        assertEquals(normalized(api.explainString(false)), normalized(sql.explainString(false)));
        assertTrue(plan.contains("Aggregate [Borough, hour(tpep_pickup_datetime)]"), plan);
    }

    /** {@code plan} without the {@code #id} of every attribute (ids differ between two analyses). */
    private static String normalized(String plan) {
        return plan.replaceAll("#\\d+", "");
    }

    private static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }
}
