package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.LongAccumulator;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Typed operations and actions of {@link Dataset}, checked against the same computation in plain Java. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatasetTest {

    record Point(int x, double y) {
    }

    private final EmberSession spark = TestSession.get();

    private static final List<Integer> NUMBERS = IntStream.rangeClosed(1, 50).boxed().toList();

    private Dataset<Integer> numbers() {
        return spark.createDataset(spark.context().parallelize(NUMBERS, 4), Encoders.INT());
    }

    @Test
    void createDataset_stringsWithNullsAndEmpty() {
        List<String> values = Arrays.asList("a", null, "b");
        Dataset<String> ds = spark.createDataset(values, Encoders.STRING());
        assertEquals(new StructType().add("value", DataTypes.StringType, true), ds.schema());
        assertEquals(values, ds.collectAsList());
        assertEquals(3, ds.count());
        Dataset<String> empty = spark.createDataset(List.of(), Encoders.STRING());
        assertEquals(List.of(), empty.collectAsList());
        assertEquals(0, empty.count());
        assertTrue(empty.isEmpty());
        assertEquals(List.of(), empty.map(String::length, Encoders.INT()).collectAsList());
        assertThrows(NoSuchElementException.class, empty::first);
    }

    @Test
    void map_flatMap_filter_mapPartitions_matchJavaStreams() {
        assertEquals(NUMBERS.stream().map(i -> "n" + i * 2).toList(),
                numbers().map(i -> "n" + i * 2, Encoders.STRING()).collectAsList());
        assertEquals(NUMBERS.stream().flatMap(i -> i % 3 == 0 ? java.util.stream.Stream.of(i, -i)
                        : java.util.stream.Stream.empty()).toList(),
                numbers().flatMap(i -> i % 3 == 0 ? List.of(i, -i) : List.of(), Encoders.INT()).collectAsList());
        assertEquals(NUMBERS.stream().filter(i -> i % 7 == 0).toList(),
                numbers().filter(i -> i % 7 == 0).collectAsList());
        // One sum per partition: the four partitions' sums add up to the whole.
        List<Long> sums = numbers().mapPartitions(it -> List.of(it.foldLeft(0L, (a, b) -> a + b)).iterator(),
                Encoders.LONG()).collectAsList();
        assertEquals(4, sums.size());
        assertEquals(50L * 51 / 2, sums.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void typedOperations_areLazyPlanNodes() {
        Dataset<String> mapped = numbers().map(i -> "x" + i, Encoders.STRING());
        String plan = mapped.toDF().explainString(false);
        assertTrue(plan.contains("MapPartitions map"), plan);
        // Relational operations after a typed one run on the engine and keep the type.
        assertEquals(List.of("x9", "x8", "x7"), mapped.orderBy(Functions.col("value").desc()).limit(3).collectAsList());
    }

    @Test
    void typedTransformations_runNoJob() throws InterruptedException {
        JobAssertions.assertRunsNoJob(spark, () -> {
            Dataset<String> words = numbers().map(i -> "w" + i % 5, Encoders.STRING()).filter(w -> !w.isEmpty())
                    .flatMap(w -> List.of(w, w), Encoders.STRING());
            words.groupByKey(String::length, Encoders.INT()).mapGroups((k, it) -> k, Encoders.INT());
            words.groupByKey(w -> w, Encoders.STRING()).count();
            words.groupByKey(w -> w, Encoders.STRING()).keys();
            words.toDF().as(Encoders.STRING()).mapPartitions(it -> it, Encoders.STRING());
        });
    }

    @Test
    void beans_roundTripAndMapToFields() {
        List<Person> people = List.of(new Person("ann", 30), new Person("bob", null), new Person("cy", 12));
        Dataset<Person> ds = spark.createDataset(people, Encoders.bean(Person.class));
        assertEquals(new StructType().add("age", DataTypes.IntegerType, true).add("name", DataTypes.StringType, true),
                ds.schema());
        assertEquals(people, ds.collectAsList());
        assertEquals(Arrays.asList("ANN", "BOB", "CY"),
                ds.map(p -> p.getName().toUpperCase(), Encoders.STRING()).collectAsList());
        assertEquals(List.of(new Person("ann", 30)), ds.filter(p -> p.getAge() != null && p.getAge() > 20)
                .collectAsList());
        // Through an RDD of beans, built on the executors.
        Dataset<Person> fromRdd = spark.createDataset(spark.context().parallelize(people, 2), Encoders.bean(Person.class));
        assertEquals(people, fromRdd.collectAsList());
    }

    @Test
    void records_roundTripWithPrimitiveComponents() {
        List<Point> points = List.of(new Point(1, 0.5), new Point(-2, 3.25));
        Dataset<Point> ds = spark.createDataset(points, Encoders.bean(Point.class));
        assertEquals(new StructType().add("x", DataTypes.IntegerType, false).add("y", DataTypes.DoubleType, false),
                ds.schema());
        assertEquals(points, ds.collectAsList());
        assertEquals(List.of(new Point(2, 1.0), new Point(-4, 6.5)),
                ds.map(p -> new Point(p.x() * 2, p.y() * 2), Encoders.bean(Point.class)).collectAsList());
    }

    @Test
    void tuples_asUnderscoreColumns() {
        Dataset<Tuple2<String, Integer>> pairs = spark.createDataset(List.of("ann", "bo", ""), Encoders.STRING())
                .map(s -> Tuple.of(s, s.length()), Encoders.tuple(Encoders.STRING(), Encoders.INT()));
        assertEquals(new StructType().add("_1", DataTypes.StringType, true).add("_2", DataTypes.IntegerType, true),
                pairs.schema());
        assertEquals(List.of(Tuple.of("ann", 3), Tuple.of("bo", 2), Tuple.of("", 0)), pairs.collectAsList());
        assertEquals(5L, ((Number) pairs.toDF().agg(Functions.sum("_2")).first().get(0)).longValue());
    }

    @Test
    void actions_firstTakeCollectReduceForeach() {
        Dataset<Integer> ds = numbers();
        assertEquals(1, ds.first());
        assertArrayEquals(new Integer[] {1, 2, 3}, ds.take(3));
        assertEquals(List.of(1, 2), ds.takeAsList(2));
        assertArrayEquals(NUMBERS.toArray(new Integer[0]), ds.collect());
        assertEquals(50 * 51 / 2, ds.reduce(Integer::sum));
        LongAccumulator sum = spark.context().longAccumulator();
        ds.foreach(i -> sum.add(i));
        assertEquals(50L * 51 / 2, sum.sum());
        LongAccumulator partitions = spark.context().longAccumulator();
        ds.foreachPartition(it -> partitions.add(1));
        assertEquals(4L, partitions.sum());
        assertEquals(NUMBERS, new ArrayList<>(ds.rdd().collect().asJava()));
        assertEquals(NUMBERS.size(), ds.javaRDD().count());
        List<Integer> streamed = new ArrayList<>();
        ds.toLocalIterator().forEachRemaining(streamed::add);
        assertEquals(NUMBERS, streamed);
    }

    @Test
    void toDF_renamesAndKeepsRows() {
        Dataset<Point> ds = spark.createDataset(List.of(new Point(1, 2.0)), Encoders.bean(Point.class));
        assertArrayEquals(new String[] {"x", "y"}, ds.toDF().columns());
        DataFrame renamed = ds.toDF("a", "b");
        assertArrayEquals(new String[] {"a", "b"}, renamed.columns());
        assertEquals(List.of(Row.of(1, 2.0)), renamed.collectAsList());
    }

    @Test
    void relationalOperations_keepTheType() {
        Dataset<Integer> ds = numbers();
        assertEquals(List.of(50, 49), ds.orderBy(Functions.col("value").desc()).limit(2).collectAsList());
        assertEquals(List.of(3, 4), ds.filter(Functions.col("value").between(3, 4)).collectAsList());
        assertEquals(List.of(5), ds.where("value = 5").collectAsList());
        Dataset<Integer> twice = ds.union(ds);
        assertEquals(100, twice.count());
        assertEquals(NUMBERS, twice.distinct().sort("value").collectAsList());
        assertEquals(NUMBERS, ds.repartition(3).sort("value").collectAsList());
        assertEquals(1, ds.coalesce(1).getNumPartitions());
        Dataset<Integer> cached = ds.filter(i -> i > 45).cache();
        assertEquals(List.of(46, 47, 48, 49, 50), cached.collectAsList());
        assertEquals(List.of(46, 47, 48, 49, 50), cached.collectAsList());
        cached.unpersist();
    }

    @Test
    void untypedOperations_delegateToTheDataFrame() {
        Dataset<Person> people = spark.createDataset(List.of(new Person("ann", 30), new Person("bob", 30),
                new Person("cy", 12)), Encoders.bean(Person.class));
        assertEquals(List.of(Row.of(12, 1L), Row.of(30, 2L)), people.groupBy("age").count().orderBy("age")
                .collectAsList());
        assertEquals(List.of(Row.of("cy")), people.where("age < 20").select("name").collectAsList());
        assertEquals(2, people.dropDuplicates("age").count());
        Dataset<Person> young = people.filter(p -> p.getAge() < 20);
        assertEquals(List.of(new Person("cy", 12)), people.intersect(young).collectAsList());
        assertEquals(List.of(new Person("ann", 30), new Person("bob", 30)),
                people.except(young).orderBy("name").collectAsList());
        Dataset<Integer> ages = spark.createDataset(List.of(12, 40), Encoders.INT());
        assertEquals(List.of(Row.of(12, "cy", 12)),
                people.join(ages, people.col("age").equalTo(ages.col("value"))).collectAsList());
        assertEquals(List.of(Row.of("ann", 31L)), people.withColumn("next", Functions.col("age").plus(1))
                .where("name = 'ann'").select("name", "next").collectAsList().stream()
                .map(r -> Row.of(r.get(0), ((Number) r.get(1)).longValue())).toList());
    }

    @Test
    void textFile_linesAsStrings(@TempDir Path dir) throws Exception {
        List<String> lines = List.of("first line", "", "third");
        Files.write(dir.resolve("a.txt"), lines);
        Dataset<String> ds = spark.read().textFile(dir.resolve("a.txt").toString());
        assertEquals(new StructType().add("value", DataTypes.StringType, true), ds.schema());
        assertEquals(lines, ds.collectAsList());
        assertEquals(lines.stream().map(String::length).collect(Collectors.toList()),
                ds.map(String::length, Encoders.INT()).collectAsList());
    }

    @Test
    void dataFrame_typedMethodsGoThroughRows() {
        DataFrame df = spark.createDataFrame(List.of(Row.of("a", 1), Row.of("b", null)),
                new StructType().add("k", DataTypes.StringType).add("v", DataTypes.IntegerType));
        Dataset<Row> rows = df.toDS();
        assertEquals(df.collectAsList(), rows.collectAsList());
        assertEquals(List.of("a:1", "b:null"), df.map(r -> r.getString(0) + ":" + r.get(1), Encoders.STRING())
                .collectAsList());
        assertEquals(df.schema(), rows.toDF().schema());
    }

    @Test
    void nullIntoPrimitiveField_failsNamingIt() {
        DataFrame df = spark.createDataFrame(List.of(Row.of(1, null)),
                new StructType().add("x", DataTypes.IntegerType).add("y", DataTypes.DoubleType));
        Dataset<Point> ds = df.as(Encoders.bean(Point.class));
        NullPointerException e = assertThrows(NullPointerException.class, ds::collectAsList);
        assertTrue(e.getMessage().contains("field y of " + Point.class.getName()), e.getMessage());
    }
}
