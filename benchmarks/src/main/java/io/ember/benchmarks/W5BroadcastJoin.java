package io.ember.benchmarks;

import static io.ember.dataframe.Functions.broadcast;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
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
 * W5 broadcast-join (BENCHMARKS.md): the yellow Parquet joined with {@code taxi_zone_lookup.csv}
 * (header, explicit schema, 265 rows, {@code broadcast}) on {@code PULocationID = LocationID},
 * grouped by {@code Borough}: {@code count(*)}, {@code sum(total_amount)}, ordered by Borough.
 * Measures a broadcast hash join's probe loop and a one-key aggregation. No floor.
 *
 * <pre>
 * bin/ember-bench quick W5
 * java -jar benchmarks/target/benchmarks.jar W5BroadcastJoin -prof gc -p yellowRows=2000000
 * </pre>
 */
@State(Scope.Benchmark)
public class W5BroadcastJoin extends ReferenceWorkload {
    /** Yellow trips (2,000,000 is the page's default). */
    @Param("2000000")
    public long yellowRows;

    /** Where inputs are generated and found again by later runs. */
    @Param(BenchmarkData.DEFAULT_DIR)
    public String dataDir;

    private EmberSession spark;
    private Path trips;
    private Path zones;

    /** Generates the Parquet copy and the zone table if missing, and starts a {@code local[2]} UTC session. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        spark = EmberSessions.start("W5-broadcast-join");
        trips = TaxiInputs.yellowParquet(spark, dataDir, yellowRows);
        zones = TaxiInputs.zoneLookup(dataDir);
    }

    /** Stops Ember. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (spark != null) {
            spark.close();
        }
    }

    /** Trips and revenue per borough, boroughs in order. */
    @Benchmark
    public List<Row> boroughs() {
        return query(spark, trips, zones).collectAsList();
    }

    /** The workload's query. */
    public static DataFrame query(EmberSession spark, Path trips, Path zones) {
        DataFrame yellow = spark.read().parquet(trips.toString());
        DataFrame zoneTable = spark.read().option("header", "true").schema(TaxiInputs.ZONE_SCHEMA).csv(zones.toString());
        return yellow.join(broadcast(zoneTable), col("PULocationID").equalTo(col("LocationID")))
                .groupBy(col("Borough"))
                .agg(count("*").as("trips"), sum("total_amount").as("total_amount"))
                .orderBy(col("Borough"));
    }
}
