package io.ember.benchmarks;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.date_trunc;
import static io.ember.dataframe.Functions.sum;

import io.ember.benchmarks.support.BenchmarkData;
import io.ember.benchmarks.support.EmberSessions;
import io.ember.benchmarks.support.ReferenceWorkload;
import io.ember.benchmarks.support.TaxiInputs;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W6 revenue-join (BENCHMARKS.md): for the green and for the yellow trips (their Parquet copies),
 * group by {@code date_trunc('hour', pickup)} as {@code hour} and {@code PULocationID} as
 * {@code revenue_zone}, with {@code sum(total_amount)} as {@code amount} and {@code count(*)} as
 * {@code number_records}; full outer join the two on ({@code hour}, {@code revenue_zone}); then
 * two actions on the joined DataFrame, as a user writes them (no cache): its row count, and the
 * 20 rows with the largest yellow amount (ties by hour and zone, so the answer is unique).
 * Measures two aggregations with shuffles and a shuffled (sort-merge) full outer join. No floor.
 *
 * <pre>
 * bin/ember-bench quick W6
 * java -jar benchmarks/target/benchmarks.jar W6RevenueJoin -prof gc -p yellowRows=2000000 -p greenRows=500000
 * </pre>
 */
@State(Scope.Benchmark)
public class W6RevenueJoin extends ReferenceWorkload {
    /** Rows of the top list. */
    public static final int TOP = 20;

    /** Yellow trips (2,000,000 is the page's default). */
    @Param("2000000")
    public long yellowRows;

    /** Green trips (500,000 is the page's default). */
    @Param("500000")
    public long greenRows;

    /** Where inputs are generated and found again by later runs. */
    @Param(BenchmarkData.DEFAULT_DIR)
    public String dataDir;

    private EmberSession spark;
    private Path yellow;
    private Path green;

    /** The two answers of the workload. */
    public record CountAndTop(long rows, List<Row> top) {
    }

    /** Generates both Parquet copies if missing, and starts a {@code local[2]} UTC session. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        spark = EmberSessions.start("W6-revenue-join");
        yellow = TaxiInputs.yellowParquet(spark, dataDir, yellowRows);
        green = TaxiInputs.greenParquet(spark, dataDir, greenRows);
    }

    /** Stops Ember. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (spark != null) {
            spark.close();
        }
    }

    /** The joined table's row count and its top 20 by yellow amount. */
    @Benchmark
    public CountAndTop countAndTop() {
        DataFrame joined = joined(spark, yellow, green);
        long rows = joined.count();
        return new CountAndTop(rows, top(joined).collectAsList());
    }

    /** The 20 rows with the largest yellow amount; ties by hour and zone, so the answer is unique. */
    public static DataFrame top(DataFrame joined) {
        return joined.orderBy(col("yellow_amount").desc(), col("hour"), col("revenue_zone")).limit(TOP);
    }

    /** Green and yellow revenue per (hour, zone), full outer joined. */
    public static DataFrame joined(EmberSession spark, Path yellow, Path green) {
        DataFrame greenRevenue = revenue(spark.read().parquet(green.toString()), "lpep_pickup_datetime", "green");
        DataFrame yellowRevenue = revenue(spark.read().parquet(yellow.toString()), "tpep_pickup_datetime", "yellow");
        return greenRevenue.join(yellowRevenue, List.of("hour", "revenue_zone"), "outer");
    }

    /** One colour's revenue per hour and zone, its figures prefixed with the colour. */
    static DataFrame revenue(DataFrame trips, String pickup, String colour) {
        return trips.groupBy(date_trunc("hour", col(pickup)).as("hour"), col("PULocationID").as("revenue_zone"))
                .agg(sum("total_amount").as("amount"), count("*").as("number_records"))
                .withColumnRenamed("amount", colour + "_amount")
                .withColumnRenamed("number_records", colour + "_number_records");
    }
}
