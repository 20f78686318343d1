package io.ember.benchmarks;

import io.ember.benchmarks.support.BenchmarkData;
import io.ember.benchmarks.support.EmberSessions;
import io.ember.benchmarks.support.ReferenceWorkload;
import io.ember.benchmarks.support.TaxiInputs;
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
 * W4 parquet-groupby (BENCHMARKS.md): W3's query ({@link W3CsvGroupby#groupBy}) over the yellow
 * trips' snappy Parquet copy, written once by Ember's own Parquet writer. Measures the columnar
 * reader (three of eighteen columns) and the aggregation, without CSV parsing. No floor.
 *
 * <pre>
 * bin/ember-bench quick W4
 * java -jar benchmarks/target/benchmarks.jar W4ParquetGroupby -prof gc -p yellowRows=2000000
 * </pre>
 */
@State(Scope.Benchmark)
public class W4ParquetGroupby extends ReferenceWorkload {
    /** Yellow trips (2,000,000 is the page's default). */
    @Param("2000000")
    public long yellowRows;

    /** Where inputs are generated and found again by later runs. */
    @Param(BenchmarkData.DEFAULT_DIR)
    public String dataDir;

    private EmberSession spark;
    private Path input;

    /** Generates the CSV and its Parquet copy if missing, and starts a {@code local[2]} UTC session. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        spark = EmberSessions.start("W4-parquet-groupby");
        input = TaxiInputs.yellowParquet(spark, dataDir, yellowRows);
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
        return W3CsvGroupby.groupBy(spark.read().parquet(input.toString())).collectAsList();
    }
}
