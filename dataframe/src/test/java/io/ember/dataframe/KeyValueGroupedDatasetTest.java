package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code groupByKey} and its operations, checked against Java's {@code groupingBy}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeyValueGroupedDatasetTest {

    record Sale(String city, int amount) {
    }

    record CityParity(String city, boolean even) {
    }

    private static final List<String> WORDS = List.of("apple", "avocado", "banana", "blueberry", "cherry", "apricot",
            "beet", "corn", "kiwi", "apple");

    private final EmberSession spark = TestSession.get();

    private Dataset<String> words() {
        return spark.createDataset(spark.context().parallelize(WORDS, 3), Encoders.STRING());
    }

    private static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
        List<T> out = new ArrayList<>(values);
        out.sort(order);
        return out;
    }

    @Test
    void count_perKeyMatchesGroupingBy() {
        Dataset<Tuple2<String, Long>> counts = words().groupByKey(w -> w.substring(0, 1), Encoders.STRING()).count();
        assertEquals(new StructType().add("key", DataTypes.StringType, true).add("count(1)", DataTypes.LongType, false),
                counts.schema());
        Map<String, Long> expected = new TreeMap<>(WORDS.stream().collect(Collectors.groupingBy(w -> w.substring(0, 1),
                Collectors.counting())));
        Map<String, Long> actual = new TreeMap<>();
        for (Tuple2<String, Long> t : counts.collectAsList()) {
            assertNull(actual.put(t._1, t._2), "one row per key");
        }
        assertEquals(expected, actual);
    }

    @Test
    void mapGroups_seesEveryValueOfItsKey() {
        Dataset<String> joined = words().groupByKey(String::length, Encoders.INT())
                .mapGroups((len, it) -> len + "=" + it.toList().sorted().mkString(","), Encoders.STRING());
        List<String> expected = WORDS.stream().collect(Collectors.groupingBy(String::length, TreeMap::new,
                        Collectors.toList())).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().stream().sorted().collect(Collectors.joining(",")))
                .sorted().toList();
        assertEquals(expected, sorted(joined.collectAsList(), Comparator.naturalOrder()));
    }

    @Test
    void flatMapGroups_andReduceGroups_withRecordValues() {
        List<Sale> sales = List.of(new Sale("oslo", 5), new Sale("rome", 7), new Sale("oslo", 11), new Sale("lima", 1));
        Dataset<Sale> ds = spark.createDataset(sales, Encoders.bean(Sale.class));
        KeyValueGroupedDataset<String, Sale> byCity = ds.groupByKey(Sale::city, Encoders.STRING());
        // Each sale of a city with more than one sale, as its amount.
        List<Integer> flattened = byCity.flatMapGroups((city, it) -> {
            List<Integer> amounts = it.map(Sale::amount).toJavaList();
            return amounts.size() > 1 ? amounts : List.of();
        }, Encoders.INT()).collectAsList();
        assertEquals(List.of(5, 11), sorted(flattened, Comparator.naturalOrder()));
        // Sums per city, the values reduced as ints.
        List<Tuple2<String, Integer>> sums = ds.map(s -> s, Encoders.bean(Sale.class))
                .groupByKey(Sale::city, Encoders.STRING())
                .mapGroups((city, it) -> Tuple.of(city, it.map(Sale::amount).sum().intValue()),
                        Encoders.tuple(Encoders.STRING(), Encoders.INT())).collectAsList();
        assertEquals(List.of(Tuple.of("lima", 1), Tuple.of("oslo", 16), Tuple.of("rome", 7)),
                sorted(sums, Comparator.comparing(t -> t._1)));
        List<Tuple2<String, Integer>> reduced = ds.map(Sale::amount, Encoders.INT())
                .groupByKey(a -> a % 2 == 0 ? "even" : "odd", Encoders.STRING()).reduceGroups(Integer::sum)
                .collectAsList();
        assertEquals(List.of(Tuple.of("odd", 24)), reduced);
    }

    @Test
    void recordKeys_groupByEveryComponent() {
        List<Sale> sales = List.of(new Sale("oslo", 2), new Sale("oslo", 3), new Sale("oslo", 4), new Sale("rome", 7));
        Dataset<Sale> ds = spark.createDataset(spark.context().parallelize(sales, 2), Encoders.bean(Sale.class));
        KeyValueGroupedDataset<CityParity, Sale> grouped = ds.groupByKey(
                s -> new CityParity(s.city(), s.amount() % 2 == 0), Encoders.bean(CityParity.class));
        List<String> sums = grouped.mapGroups((k, it) -> k.city() + (k.even() ? "+even=" : "+odd=")
                + it.map(Sale::amount).sum().intValue(), Encoders.STRING()).collectAsList();
        Map<CityParity, Integer> expected = sales.stream().collect(Collectors.groupingBy(
                s -> new CityParity(s.city(), s.amount() % 2 == 0), Collectors.summingInt(Sale::amount)));
        assertEquals(expected.entrySet().stream().map(e -> e.getKey().city() + (e.getKey().even() ? "+even=" : "+odd=")
                + e.getValue()).sorted().toList(), sorted(sums, Comparator.naturalOrder()));
        assertEquals(expected.keySet().size(), grouped.keys().count());
    }

    @Test
    void mapValues_thenReduceGroups_sumsPerKey() {
        List<Sale> sales = List.of(new Sale("oslo", 5), new Sale("rome", 7), new Sale("oslo", 11), new Sale("lima", 1));
        List<Tuple2<String, Integer>> sums = spark.createDataset(spark.context().parallelize(sales, 3),
                        Encoders.bean(Sale.class))
                .groupByKey(Sale::city, Encoders.STRING()).mapValues(Sale::amount, Encoders.INT())
                .reduceGroups(Integer::sum).collectAsList();
        Map<String, Integer> expected = new TreeMap<>(sales.stream().collect(Collectors.groupingBy(Sale::city,
                Collectors.summingInt(Sale::amount))));
        assertEquals(expected.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList(),
                sorted(sums, Comparator.comparing(t -> t._1)));
    }

    @Test
    void reduceGroups_ofABeanValue_isAStructColumn() {
        List<Sale> sales = List.of(new Sale("x", 1), new Sale("y", 4), new Sale("x", 2));
        Dataset<Tuple2<String, Sale>> reduced = spark.createDataset(spark.context().parallelize(sales, 2),
                Encoders.bean(Sale.class)).groupByKey(Sale::city, Encoders.STRING())
                .reduceGroups((a, b) -> new Sale(a.city(), a.amount() + b.amount()));
        assertEquals(new StructType().add("_1", DataTypes.StringType, true).add("_2", new StructType()
                .add("city", DataTypes.StringType, true).add("amount", DataTypes.IntegerType, false), true),
                reduced.schema());
        assertEquals(List.of(Tuple.of("x", new Sale("x", 3)), Tuple.of("y", new Sale("y", 4))),
                sorted(reduced.collectAsList(), Comparator.comparing(t -> t._1)));
    }

    @Test
    void count_ofABeanKey_isAStructColumnKey() {
        List<Sale> sales = List.of(new Sale("x", 1), new Sale("y", 2), new Sale("x", 1), new Sale("x", 3),
                new Sale("x", 4));
        List<Tuple2<CityParity, Long>> counts = spark.createDataset(spark.context().parallelize(sales, 2),
                Encoders.bean(Sale.class)).groupByKey(s -> new CityParity(s.city(), s.amount() % 2 == 0),
                Encoders.bean(CityParity.class)).count().collectAsList();
        Map<CityParity, Long> expected = sales.stream().collect(Collectors.groupingBy(
                s -> new CityParity(s.city(), s.amount() % 2 == 0), Collectors.counting()));
        assertEquals(expected, counts.stream().collect(Collectors.toMap(t -> t._1, t -> t._2)));
        assertEquals(expected.size(), counts.size());
    }

    @Test
    void keys_areDistinct_nullKeysFormOneGroup() {
        Dataset<String> ds = spark.createDataset(Arrays.asList("a", null, "b", null, "a"), Encoders.STRING());
        KeyValueGroupedDataset<String, String> byValue = ds.groupByKey(s -> s, Encoders.STRING());
        List<String> keys = new ArrayList<>(byValue.keys().collectAsList());
        keys.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
        assertEquals(Arrays.asList(null, "a", "b"), keys);
        List<Tuple2<String, Long>> counts = new ArrayList<>(byValue.count().collectAsList());
        counts.sort(Comparator.comparing(t -> t._1, Comparator.nullsFirst(Comparator.naturalOrder())));
        assertEquals(Arrays.asList(Tuple.of(null, 2L), Tuple.of("a", 2L), Tuple.of("b", 1L)), counts);
    }

    @Test
    void emptyDataset_hasNoGroups() {
        Dataset<String> empty = spark.createDataset(List.of(), Encoders.STRING());
        assertEquals(List.of(), empty.groupByKey(String::length, Encoders.INT()).count().collectAsList());
        assertEquals(List.of(), empty.groupByKey(String::length, Encoders.INT()).keys().collectAsList());
    }

    @Test
    void dataFrameGroupByKey_overRows() {
        DataFrame df = spark.createDataFrame(List.of(Row.of("a", 1), Row.of("b", 2), Row.of("a", 3)),
                new StructType().add("k", DataTypes.StringType).add("v", DataTypes.IntegerType));
        List<Tuple2<String, Integer>> sums = df.groupByKey(r -> r.getString(0), Encoders.STRING())
                .mapGroups((k, rows) -> Tuple.of(k, rows.map(r -> r.getInt(1)).sum().intValue()),
                        Encoders.tuple(Encoders.STRING(), Encoders.INT())).collectAsList();
        assertEquals(List.of(Tuple.of("a", 4), Tuple.of("b", 2)), sorted(sums, Comparator.comparing(t -> t._1)));
    }
}
