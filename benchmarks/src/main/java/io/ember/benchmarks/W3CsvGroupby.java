package io.ember.benchmarks;

import static io.ember.dataframe.Functions.avg;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.hour;
import static io.ember.dataframe.Functions.lit;
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
 * W3 csv-groupby (BENCHMARKS.md): the yellow CSV (header, explicit schema of ints, doubles and
 * timestamps, an empty field is null), {@code total_amount > 0}, grouped by {@code PULocationID}
 * and {@code hour(tpep_pickup_datetime)} (UTC), {@code sum(total_amount)},
 * {@code avg(trip_distance)}, {@code count(*)}, every group collected to the driver. Measures CSV
 * parsing and a two-key hash aggregation with its shuffle. No floor.
 *
 * <p>{@code scale} multiplies {@code yellowRows} for the scaling series (1x, 2x, 4x in
 * {@code full} mode); each size is its own generated file.
 *
 * <pre>
 * bin/ember-bench quick W3
 * java -jar benchmarks/target/benchmarks.jar W3CsvGroupby -prof gc -p yellowRows=2000000 -p scale=1,2,4
 * </pre>
 */
@State(Scope.Benchmark)
public class W3CsvGroupby extends ReferenceWorkload {
    /** Yellow trips at 1x (2,000,000 is the page's default, about 208 MB of CSV). */
    @Param("2000000")
    public long yellowRows;

    /** Input multiple for the scaling series. */
    @Param("1")
    public int scale;

    /** Where inputs are generated and found again by later runs. */
    @Param(BenchmarkData.DEFAULT_DIR)
    public String dataDir;

    private EmberSession spark;
    private Path input;

    /** Generates the CSV if it is missing, and starts a {@code local[2]} UTC session. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        input = TaxiInputs.yellowCsv(dataDir, yellowRows * scale);
        spark = EmberSessions.start("W3-csv-groupby");
    }

    /** Stops Ember. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (spark != null) {
            spark.close();
        }
    }

    /** Every (zone, hour) group with its revenue, mean distance and trip count. */
    @Benchmark
    public List<Row> groups() {
        return groupBy(readCsv(spark, input)).collectAsList();
    }

    /** The yellow CSV as the page reads it: header, explicit schema. */
    public static DataFrame readCsv(EmberSession spark, Path csv) {
        return spark.read().option("header", "true").schema(TaxiInputs.YELLOW_SCHEMA).csv(csv.toString());
    }

    /** W3's (and W4's) query over yellow trips. */
    public static DataFrame groupBy(DataFrame yellow) {
        return yellow.filter(col("total_amount").gt(lit(0)))
                .groupBy(col("PULocationID"), hour(col("tpep_pickup_datetime")).as("hour"))
                .agg(sum("total_amount").as("total_amount"), avg("trip_distance").as("avg_distance"),
                        count("*").as("trips"));
    }
}
