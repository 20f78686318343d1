package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.collection.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code toDebugString()} prints lineage in Spark's layout. */
class LineageTest {
    static EmberContext sc;

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[2]").appName("lineage").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    private static void assertMatches(String regex, String actual) {
        assertTrue(Pattern.compile(regex, Pattern.DOTALL).matcher(actual).matches(), "expected /" + regex + "/ but got:\n" + actual);
    }

    @Test
    void narrowChain_isOneStage() {
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3), 2).filter(x -> x > 1);
        assertMatches("\\(2\\) MapPartitionsRDD\\[\\d+] at filter at LineageTest\\.java:\\d+ \\[]\n"
                + " \\|  ParallelCollectionRDD\\[\\d+] at parallelize at LineageTest\\.java:\\d+ \\[]", rdd.toDebugString());
    }

    @Test
    void shuffle_startsANewIndentedStage() {
        RDD<?> counts = sc.parallelize(List.of("a b", "b c"), 2)
                .flatMap(line -> List.of(line.split(" ")))
                .mapToPair(w -> Tuple.of(w, 1))
                .reduceByKey(Integer::sum, 3);
        assertMatches("\\(3\\) ShuffledRDD\\[\\d+] at reduceByKey at LineageTest\\.java:\\d+ \\[]\n"
                + " \\+-\\(2\\) MapPartitionsRDD\\[\\d+] at mapToPair at LineageTest\\.java:\\d+ \\[]\n"
                + "    \\|  MapPartitionsRDD\\[\\d+] at flatMap at LineageTest\\.java:\\d+ \\[]\n"
                + "    \\|  ParallelCollectionRDD\\[\\d+] at parallelize at LineageTest\\.java:\\d+ \\[]", counts.toDebugString());
    }

    @Test
    void join_showsBothShuffledParents() {
        PairRDD<Integer, Integer> a = sc.parallelize(List.of(1, 2), 2).mapToPair(x -> Tuple.of(x, x));
        PairRDD<Integer, Integer> b = sc.parallelize(List.of(2, 3), 2).mapToPair(x -> Tuple.of(x, x));
        String lineage = a.join(b).toDebugString();
        assertMatches("\\(2\\) MapPartitionsRDD.*\n \\|  MapPartitionsRDD.*\n \\|  CoGroupedRDD.*\n"
                + " \\+-\\(2\\) MapPartitionsRDD.*\n \\|  \\|  ParallelCollectionRDD.*\n"
                + " \\+-\\(2\\) MapPartitionsRDD.*\n    \\|  ParallelCollectionRDD.*", lineage);
    }
}
