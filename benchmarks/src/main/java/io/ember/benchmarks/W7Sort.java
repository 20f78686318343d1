package io.ember.benchmarks;

import static io.ember.dataframe.Functions.col;

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
 * W7 sort (BENCHMARKS.md): the yellow Parquet ordered by {@code total_amount} descending, then
 * {@code trip_distance} ascending (all eighteen columns), as two benchmarks: {@link #top100}
 * collects the first 100 rows (a top-N), {@link #fullSort} writes the whole sorted table as
 * snappy Parquet (overwriting {@code <dataDir>/out/w7-sorted-<rows>}). No floor.
 *
 * <p>{@code scale} multiplies {@code yellowRows} for the scaling series (1x, 2x, 4x in
 * {@code full} mode); each size is its own generated input.
 *
 * <pre>
 * bin/ember-bench quick W7
 * java -jar benchmarks/target/benchmarks.jar W7Sort -prof gc -p yellowRows=2000000 -p scale=1,2,4
 * </pre>
 */
@State(Scope.Benchmark)
public class W7Sort extends ReferenceWorkload {
    /** Rows of the top list. */
    public static final int TOP = 100;

    /** Yellow trips at 1x (2,000,000 is the page's default). */
    @Param("2000000")
    // Deliberately repeated per workload (as in W3CsvGroupby): JMH lists and sets each benchmark's
    // @Param fields on its own class, with its own default.
    public long yellowRows;

    /** Input multiple for the scaling series. */
    @Param("1")
    public int scale;

    /** Where inputs are generated and found again by later runs. */
    @Param(BenchmarkData.DEFAULT_DIR)
    public String dataDir;

    private EmberSession spark;
    private Path input;
    private Path output;

    /** Generates the Parquet copy if missing, and starts a {@code local[2]} UTC session. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        spark = EmberSessions.start("W7-sort");
        long rows = yellowRows * scale;
        input = TaxiInputs.yellowParquet(spark, dataDir, rows);
        output = TaxiInputs.outputDir(dataDir, "w7-sorted-" + rows);
    }

    /** Stops Ember and removes the sorted copy. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (spark != null) {
            spark.close();
        }
        if (output != null) {
            TaxiInputs.deleteRecursively(output);
        }
    }

    /** The 100 most expensive trips, shortest first among equals. */
    @Benchmark
    public List<Row> top100() {
        return sorted(spark, input).limit(TOP).collectAsList();
    }

    /** The whole table, sorted, written as Parquet. */
    @Benchmark
    public void fullSort() {
        sorted(spark, input).write().mode("overwrite").parquet(output.toString());
    }

    /** The workload's ordering over every column. */
    public static DataFrame sorted(EmberSession spark, Path input) {
        return spark.read().parquet(input.toString()).orderBy(col("total_amount").desc(), col("trip_distance").asc());
    }
}
