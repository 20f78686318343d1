package io.ember.benchmarks;

import io.ember.benchmarks.support.BenchmarkData;
import io.ember.benchmarks.support.EmberSessions;
import io.ember.benchmarks.tpch.TpchQueries;
import io.ember.benchmarks.tpch.TpchTables;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TPC-H (BENCHMARKS.md, "the queries nobody tuned for"): one benchmark per query, {@code query}
 * 1-22 in its standard text with the validation run's parameters, through {@code spark.sql} on a
 * {@code local[2]} UTC session over the Parquet tables of {@link TpchTables} (generated once per
 * scale factor into {@code dataDir}, DECIMAL(15,2) money, DATE dates), every row collected.
 *
 * <p>Single-shot: a query at scale factor 1 takes from a fraction of a second to many seconds, so
 * every invocation is one timed run; one warm-up and three measured runs per query give the
 * median of three that BENCHMARKS.md reports. The same queries on Spark and DuckDB, side by side:
 * {@code bin/ember-bench compare tpch}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TpchBenchmark -prof gc -p scaleFactor=1
 * java -jar benchmarks/target/benchmarks.jar TpchBenchmark -p query=1,6 -p scaleFactor=0.1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TpchBenchmark {
    /** The query's number. */
    @Param({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
            "20", "21", "22"})
    public int query;

    /** TPC-H scale factor: 1 is about 6 million line items. */
    @Param("1")
    public double scaleFactor;

    /** Where the tables are generated and found again by later runs. */
    @Param(BenchmarkData.DEFAULT_DIR)
    public String dataDir;

    private EmberSession spark;
    private String sql;

    /** Generates the tables if missing, starts the session and registers the tables as views. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path tables = TpchTables.parquet(dataDir, scaleFactor);
        spark = EmberSessions.start("tpch-q" + query);
        for (String table : TpchTables.NAMES) {
            spark.read().parquet(TpchTables.file(tables, table).toString()).createOrReplaceTempView(table);
        }
        sql = TpchQueries.text(query);
    }

    /** Stops Ember. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (spark != null) {
            spark.close();
        }
    }

    /** The query's every row. */
    @Benchmark
    public List<Row> run() {
        return spark.sql(sql).collectAsList();
    }
}
