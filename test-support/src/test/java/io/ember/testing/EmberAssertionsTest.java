package io.ember.testing;

import static io.ember.dataframe.Functions.col;
import static io.ember.testing.EmberAssertions.assertDataFrameEquals;
import static io.ember.testing.EmberAssertions.assertDataFrameEqualsUnordered;
import static io.ember.testing.EmberAssertions.assertRddEquals;
import static io.ember.testing.EmberAssertions.assertRddEqualsUnordered;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.RowFactory;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import io.vavr.Tuple;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** RDD and DataFrame comparisons pass on equal contents and say what differs otherwise. */
@EmberTest
class EmberAssertionsTest {

    @Test
    void ordered_passesOnEqualContents(EmberContext sc) {
        RDD<Integer> sorted = sc.parallelize(List.of(3, 1, 2), 2).sortBy(x -> x);
        assertRddEquals(List.of(1, 2, 3), sorted);
        assertRddEquals(sc.parallelize(List.of(1, 2, 3), 3), sorted);
    }

    @Test
    void ordered_namesTheFirstDifference(EmberContext sc) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertRddEquals(List.of(1, 2, 3), sc.parallelize(List.of(1, 5, 3))));
        assertTrue(e.getMessage().contains("differs at index 1: expected <2> but was <5>"), e.getMessage());
        assertTrue(e.isExpectedDefined() && e.isActualDefined());
    }

    @Test
    void ordered_namesMissingAndExtraTails(EmberContext sc) {
        AssertionFailedError shorter = assertThrows(AssertionFailedError.class,
                () -> assertRddEquals(List.of(1, 2, 3), sc.parallelize(List.of(1, 2))));
        assertTrue(shorter.getMessage().contains("expected 3 elements, got 2; missing from index 2: [3]"),
                shorter.getMessage());
        AssertionFailedError longer = assertThrows(AssertionFailedError.class,
                () -> assertRddEquals(List.of(1), sc.parallelize(List.of(1, 2))));
        assertTrue(longer.getMessage().contains("unexpected from index 1: [2]"), longer.getMessage());
    }

    @Test
    void unordered_passesOnTheSameMultiset(EmberContext sc) {
        RDD<io.vavr.Tuple2<String, Integer>> counts = sc.parallelize(List.of("a", "b", "a"), 2)
                .mapToPair(w -> Tuple.of(w, 1)).reduceByKey(Integer::sum);
        assertRddEqualsUnordered(List.of(Tuple.of("b", 1), Tuple.of("a", 2)), counts);
        assertRddEqualsUnordered(sc.parallelize(List.of(2, 1, 1)), sc.parallelize(List.of(1, 2, 1)));
    }

    @Test
    void unordered_namesMissingAndUnexpectedElements(EmberContext sc) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertRddEqualsUnordered(List.of("a", "a", "b"), sc.parallelize(List.of("a", "c"))));
        assertTrue(e.getMessage().contains("missing [a, b]") || e.getMessage().contains("missing [b, a]"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected [c]"), e.getMessage());
        AssertionFailedError counted = assertThrows(AssertionFailedError.class,
                () -> assertRddEqualsUnordered(List.of(1), sc.parallelize(List.of(1, 1, 1))));
        assertTrue(counted.getMessage().contains("unexpected [1 (2 times)]"), counted.getMessage());
    }

    @Test
    void dataFrames_compareSchemasAndRows(EmberSession spark) {
        DataFrame squares = spark.range(0, 4).withColumn("square", col("id").multiply(col("id")));
        StructType schema = squares.schema();
        DataFrame expected = spark.createDataFrame(java.util.List.of(RowFactory.create(0L, 0L), RowFactory.create(1L, 1L),
                RowFactory.create(2L, 4L), RowFactory.create(3L, 9L)), schema);
        assertDataFrameEquals(expected, squares);
        assertDataFrameEqualsUnordered(expected, squares.orderBy(col("id").desc()));

        AssertionFailedError rows = assertThrows(AssertionFailedError.class,
                () -> assertDataFrameEquals(expected, squares.filter(col("id").gt(1))));
        assertTrue(rows.getMessage().contains("differs at index 0: expected <[0,0]> but was <[2,4]>"), rows.getMessage());
        AssertionFailedError schemas = assertThrows(AssertionFailedError.class,
                () -> assertDataFrameEquals(expected, squares.select(col("id"))));
        assertTrue(schemas.getMessage().startsWith("DataFrame schemas differ"), schemas.getMessage());
    }
}
