package io.ember.benchmarks.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Apache Spark's side of {@code bin/ember-bench compare}, one workload per process: Spark 3.5
 * {@code local[2]}, UI off, everything on 127.0.0.1, session time zone UTC, each reference
 * workload written as a Spark user writes it (the same calls as Ember's benchmarks: Ember follows
 * Spark's API), TPC-H queries through {@code spark.sql} over the shared Parquet files.
 *
 * <p>Takes the parent's {@code key=value} arguments and answers with the same lines and answer
 * file as the Ember and DuckDB children ({@link ChildLoop}); it has its own copy of that protocol
 * because nothing of Ember is on Spark's class path.
 */
public final class SparkChild {
    private static final int W1_PARTITIONS = 8;
    private static final long W1_SIZE = 10_000_000;
    private static final int W2_TOP = 20;
    private static final int W6_TOP = 20;
    private static final int W7_TOP = 100;
    private static final int W8_JOBS = 200;
    private static final int W8_ELEMENTS = 100;

    private SparkChild() {
    }

    /** Runs the workload {@code workload=...} names; exits 1 with the failure when it fails. */
    public static void main(String[] argv) throws Exception {
        ChildLoop args = ChildLoop.parse(argv);
        String workload = args.get("workload");
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("compare-" + workload)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            run(spark, workload, args);
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, String workload, ChildLoop args) throws Exception {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        switch (workload) {
            case "W1" -> args.measure(1, () -> {
                JavaRDD<Long> doubled = spark.sparkContext().range(1, W1_SIZE + 1, 1, W1_PARTITIONS).toJavaRDD()
                        .map(x -> (Long) x * 2L).filter(x -> x % 3 == 0);
                return List.of(List.<Object>of(doubled.fold(0L, Long::sum), doubled.count()));
            });
            case "W2" -> args.measure(1, () -> jsc.textFile(args.get("words"))
                    .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                    .mapToPair(word -> new Tuple2<>(word, 1))
                    .reduceByKey(Integer::sum)
                    .takeOrdered(W2_TOP, new ByCountThenWord()).stream()
                    .map(t -> List.<Object>of(t._1(), t._2()))
                    .toList());
            case "W3" -> args.measure(1, () -> rows(groupBy(spark.read().option("header", "true")
                    .schema(args.get("yellowSchema")).csv(args.get("yellowCsv")))));
            case "W4" -> args.measure(1, () -> rows(groupBy(spark.read().parquet(args.get("yellowParquet")))));
            case "W5" -> args.measure(1, () -> {
                Dataset<Row> zones = spark.read().option("header", "true").schema(args.get("zoneSchema"))
                        .csv(args.get("zones"));
                return rows(spark.read().parquet(args.get("yellowParquet"))
                        .join(broadcast(zones), col("PULocationID").equalTo(col("LocationID")))
                        .groupBy(col("Borough"))
                        .agg(count("*").as("trips"), sum("total_amount").as("total_amount"))
                        .orderBy(col("Borough")));
            });
            case "W6" -> args.measure(1, () -> {
                Dataset<Row> joined = revenue(spark.read().parquet(args.get("greenParquet")), "lpep_pickup_datetime",
                        "green").join(revenue(spark.read().parquet(args.get("yellowParquet")), "tpep_pickup_datetime",
                        "yellow"), new String[] {"hour", "revenue_zone"}, "outer");
                List<List<Object>> answer = new ArrayList<>();
                answer.add(List.of(joined.count()));
                answer.addAll(rows(joined.orderBy(col("yellow_amount").desc(), col("hour"), col("revenue_zone"))
                        .limit(W6_TOP)));
                return answer;
            });
            case "W7top" -> args.measure(1, () -> rows(sorted(spark, args.get("yellowParquet")).limit(W7_TOP)).stream()
                    .map(row -> List.of(row.get(16), row.get(4))) // total_amount, trip_distance
                    .toList());
            case "W7sort" -> {
                String out = Path.of(args.get("out"), "spark-w7-sorted").toString();
                args.measure(1, () -> {
                    sorted(spark, args.get("yellowParquet")).write().mode("overwrite").option("compression", "snappy")
                            .parquet(out);
                    return List.of();
                });
            }
            case "W8" -> {
                List<Integer> elements = IntStream.rangeClosed(1, W8_ELEMENTS).boxed().toList();
                args.measure(W8_JOBS, () -> {
                    long total = 0;
                    for (int i = 0; i < W8_JOBS; i++) {
                        total += jsc.parallelize(elements, 2).count();
                    }
                    return List.of(List.<Object>of(total));
                });
            }
            case "W9" -> args.measure(1, () -> List.of(List.<Object>of(
                    jsc.parallelize(IntStream.rangeClosed(1, 10).boxed().toList()).count())));
            default -> {
                if (!workload.matches("Q\\d+")) {
                    throw new IllegalArgumentException("Spark's child has no workload " + workload);
                }
                registerTpch(spark, Path.of(args.get("tpch")));
                String sql = Files.readString(Path.of(args.get("sql")));
                args.measure(1, () -> rows(spark.sql(sql)));
            }
        }
    }

    /** W3's (and W4's) query. */
    private static Dataset<Row> groupBy(Dataset<Row> yellow) {
        return yellow.filter(col("total_amount").gt(lit(0)))
                .groupBy(col("PULocationID"), hour(col("tpep_pickup_datetime")).as("hour"))
                .agg(sum("total_amount").as("total_amount"), avg("trip_distance").as("avg_distance"),
                        count("*").as("trips"));
    }

    /** W6: one colour's revenue per hour and zone. */
    private static Dataset<Row> revenue(Dataset<Row> trips, String pickup, String colour) {
        return trips.groupBy(date_trunc("hour", col(pickup)).as("hour"), col("PULocationID").as("revenue_zone"))
                .agg(sum("total_amount").as(colour + "_amount"), count("*").as(colour + "_number_records"));
    }

    /** W7's ordering over every column. */
    private static Dataset<Row> sorted(SparkSession spark, String parquet) {
        return spark.read().parquet(parquet).orderBy(col("total_amount").desc(), col("trip_distance").asc());
    }

    /** Every {@code <table>.parquet} of the TPC-H directory as a view named after its table. */
    private static void registerTpch(SparkSession spark, Path dir) {
        File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(".parquet"));
        if (files == null || files.length == 0) {
            throw new IllegalArgumentException("no TPC-H Parquet files in " + dir);
        }
        for (File file : files) {
            spark.read().parquet(file.getPath()).createOrReplaceTempView(file.getName().replace(".parquet", ""));
        }
    }

    private static List<List<Object>> rows(Dataset<Row> frame) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            rows.add(values);
        }
        return rows;
    }

    /** W2's order: most frequent first, equal counts by word. */
    private static final class ByCountThenWord implements java.util.Comparator<Tuple2<String, Integer>>,
            java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
            return a._2().equals(b._2()) ? a._1().compareTo(b._1()) : Integer.compare(b._2(), a._2());
        }
    }
}
