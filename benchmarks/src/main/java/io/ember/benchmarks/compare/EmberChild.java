package io.ember.benchmarks.compare;

import io.ember.benchmarks.W1RddPipeline;
import io.ember.benchmarks.W2WordCount;
import io.ember.benchmarks.W3CsvGroupby;
import io.ember.benchmarks.W5BroadcastJoin;
import io.ember.benchmarks.W6RevenueJoin;
import io.ember.benchmarks.W7Sort;
import io.ember.benchmarks.W8TinyJobs;
import io.ember.benchmarks.support.EmberContexts;
import io.ember.benchmarks.support.EmberSessions;
import io.ember.benchmarks.tpch.TpchTables;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.rdd.EmberContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ember's side of a comparison, one workload per process: the reference workloads exactly as the
 * JMH benchmarks run them (their public static methods), TPC-H queries through {@code spark.sql}
 * over the shared Parquet files. Started by {@link Compare} with {@link ChildArgs}; exits 1 with
 * the failure on stderr when the workload fails.
 */
public final class EmberChild {
    /** W1's range, as BENCHMARKS.md sets it. */
    static final long W1_SIZE = 10_000_000;
    /** W8's elements per job. */
    static final int W8_ELEMENTS = 100;

    private EmberChild() {
    }

    /** Runs the workload {@code workload=...} names. */
    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        String workload = args.get("workload");
        switch (workload) {
            case "W1", "W2", "W8", "W9" -> {
                try (EmberContext sc = EmberContexts.start("compare-" + workload)) {
                    rddWorkload(sc, workload, args);
                }
            }
            default -> {
                try (EmberSession spark = EmberSessions.start("compare-" + workload)) {
                    dataFrameWorkload(spark, workload, args);
                }
            }
        }
    }

    private static void rddWorkload(EmberContext sc, String workload, ChildArgs args) throws Exception {
        switch (workload) {
            case "W1" -> RunLoop.measure(args, 1, () -> {
                W1RddPipeline.SumAndCount answer = W1RddPipeline.onEmber(sc, W1_SIZE);
                return List.of(List.<Object>of(answer.sum(), answer.count()));
            });
            case "W2" -> RunLoop.measure(args, 1, () -> W2WordCount.onEmber(sc, args.path("words"))
                    .map(t -> List.<Object>of(t._1, t._2)).toJavaList());
            case "W8" -> {
                io.vavr.collection.List<Integer> elements = io.vavr.collection.List.rangeClosed(1, W8_ELEMENTS);
                RunLoop.measure(args, W8TinyJobs.JOBS, () -> List.of(
                        List.<Object>of(W8TinyJobs.runJobs(sc, elements, W8TinyJobs.JOBS))));
            }
            case "W9" -> RunLoop.measure(args, 1, () -> List.of(
                    List.<Object>of(sc.parallelize(io.vavr.collection.List.rangeClosed(1, 10)).count())));
            default -> throw new IllegalArgumentException("Ember's child has no workload " + workload);
        }
    }

    private static void dataFrameWorkload(EmberSession spark, String workload, ChildArgs args) throws Exception {
        switch (workload) {
            case "W3" -> RunLoop.measure(args, 1, () ->
                    rows(W3CsvGroupby.groupBy(W3CsvGroupby.readCsv(spark, args.path("yellowCsv")))));
            case "W4" -> RunLoop.measure(args, 1, () ->
                    rows(W3CsvGroupby.groupBy(spark.read().parquet(args.get("yellowParquet")))));
            case "W5" -> RunLoop.measure(args, 1, () ->
                    rows(W5BroadcastJoin.query(spark, args.path("yellowParquet"), args.path("zones"))));
            case "W6" -> RunLoop.measure(args, 1, () -> {
                DataFrame joined = W6RevenueJoin.joined(spark, args.path("yellowParquet"), args.path("greenParquet"));
                List<List<Object>> answer = new ArrayList<>();
                answer.add(List.<Object>of(joined.count()));
                answer.addAll(rows(W6RevenueJoin.top(joined)));
                return answer;
            });
            case "W7top" -> RunLoop.measure(args, 1, () -> rows(W7Sort.sorted(spark, args.path("yellowParquet"))
                    .limit(W7Sort.TOP)).stream()
                    .map(row -> List.<Object>of(row.get(16), row.get(4))) // total_amount, trip_distance
                    .toList());
            case "W7sort" -> {
                Path out = args.path("out").resolve("ember-w7-sorted");
                RunLoop.measure(args, 1, () -> {
                    W7Sort.sorted(spark, args.path("yellowParquet")).write().mode("overwrite").parquet(out.toString());
                    return List.of();
                });
            }
            default -> {
                registerTpch(spark, args.path("tpch"));
                String sql = Files.readString(args.path("sql"));
                RunLoop.measure(args, 1, () -> rows(spark.sql(sql)));
            }
        }
    }

    /** The TPC-H tables as temporary views named after the tables, as {@code TpchBenchmark} registers them. */
    static void registerTpch(EmberSession spark, Path dir) {
        for (String table : TpchTables.NAMES) {
            spark.read().parquet(TpchTables.file(dir, table).toString()).createOrReplaceTempView(table);
        }
    }

    private static List<List<Object>> rows(DataFrame frame) {
        return frame.collectAsList().stream().map(Row::toList).toList();
    }
}
