package io.ember.testing;

import io.ember.dataframe.DataFrame;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on the contents of RDDs and DataFrames, with failure messages that say what
 * differs: the schemas, the first differing position, or the elements missing and unexpected.
 * Elements are compared with {@code equals} (rows by value); failures carry both sides so IDEs
 * can show a diff.
 *
 * <pre>{@code
 * assertRddEquals(List.of(1, 2, 3), sc.parallelize(List.of(3, 1, 2)).sortBy(x -> x));
 * assertRddEqualsUnordered(List.of(Tuple.of("a", 2), Tuple.of("b", 1)), counts);
 * assertDataFrameEqualsUnordered(spark.range(0, 3), spark.range(0, 6).filter(col("id").lt(3)));
 * }</pre>
 */
public final class EmberAssertions {
    private EmberAssertions() {
    }

    /** Asserts that {@code actual} collects to exactly {@code expected}, in order. */
    public static <T> void assertRddEquals(Iterable<? extends T> expected, RDD<T> actual) {
        Objects.requireNonNull(expected, "expected is null");
        Objects.requireNonNull(actual, "actual is null");
        compareInOrder(toList(expected), actual.collect().toJavaList(), actual.toString());
    }

    /** Asserts that two RDDs collect to the same elements in the same order. */
    public static <T> void assertRddEquals(RDD<? extends T> expected, RDD<T> actual) {
        Objects.requireNonNull(expected, "expected is null");
        assertRddEquals(expected.collect(), actual);
    }

    /** Asserts that {@code actual} holds exactly {@code expected}, each as many times, in any order. */
    public static <T> void assertRddEqualsUnordered(Iterable<? extends T> expected, RDD<T> actual) {
        Objects.requireNonNull(expected, "expected is null");
        Objects.requireNonNull(actual, "actual is null");
        compareUnordered(toList(expected), actual.collect().toJavaList(), actual.toString());
    }

    /** Asserts that two RDDs hold the same elements, each as many times, in any order. */
    public static <T> void assertRddEqualsUnordered(RDD<? extends T> expected, RDD<T> actual) {
        Objects.requireNonNull(expected, "expected is null");
        assertRddEqualsUnordered(expected.collect(), actual);
    }

    /** Asserts that two DataFrames have equal schemas and the same rows in the same order. */
    public static void assertDataFrameEquals(DataFrame expected, DataFrame actual) {
        compareSchemas(expected, actual);
        compareInOrder(new ArrayList<>(expected.collectAsList()), actual.collectAsList(), describe(actual));
    }

    /** Asserts that two DataFrames have equal schemas and the same rows, each as many times, in any order. */
    public static void assertDataFrameEqualsUnordered(DataFrame expected, DataFrame actual) {
        compareSchemas(expected, actual);
        compareUnordered(new ArrayList<>(expected.collectAsList()), actual.collectAsList(), describe(actual));
    }

    private static void compareSchemas(DataFrame expected, DataFrame actual) {
        Objects.requireNonNull(expected, "expected is null");
        Objects.requireNonNull(actual, "actual is null");
        if (!expected.schema().equals(actual.schema())) {
            throw new AssertionFailedError("DataFrame schemas differ: expected <" + expected.schema().toDDL()
                    + "> but was <" + actual.schema().toDDL() + ">", expected.schema().treeString(),
                    actual.schema().treeString());
        }
    }

    private static String describe(DataFrame frame) {
        return "DataFrame[" + frame.schema().toDDL() + "]";
    }

    private static void compareInOrder(List<Object> expected, List<?> actual, String name) {
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            if (!Objects.equals(expected.get(i), actual.get(i))) {
                throw new AssertionFailedError(name + " differs at index " + i + ": expected <" + expected.get(i)
                        + "> but was <" + actual.get(i) + "> (" + sizes(expected, actual) + ")", expected, actual);
            }
        }
        if (expected.size() != actual.size()) {
            String extra = expected.size() > actual.size()
                    ? "missing from index " + common + ": " + abbreviate(expected.subList(common, expected.size()))
                    : "unexpected from index " + common + ": " + abbreviate(actual.subList(common, actual.size()));
            throw new AssertionFailedError(name + " has " + sizes(expected, actual) + "; " + extra, expected, actual);
        }
    }

    private static void compareUnordered(List<Object> expected, List<?> actual, String name) {
        Map<Object, Integer> balance = new HashMap<>();
        expected.forEach(e -> balance.merge(e, 1, Integer::sum));
        actual.forEach(a -> balance.merge(a, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        balance.forEach((element, count) -> {
            if (count > 0) {
                missing.add(times(element, count));
            } else if (count < 0) {
                unexpected.add(times(element, -count));
            }
        });
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new AssertionFailedError(name + " differs (ignoring order; " + sizes(expected, actual) + "): missing "
                    + abbreviate(missing) + ", unexpected " + abbreviate(unexpected), expected, actual);
        }
    }

    private static String times(Object element, int count) {
        return count == 1 ? String.valueOf(element) : element + " (" + count + " times)";
    }

    private static String sizes(List<?> expected, List<?> actual) {
        return "expected " + expected.size() + " elements, got " + actual.size();
    }

    private static String abbreviate(List<?> items) {
        return items.size() <= 20 ? items.toString()
                : items.subList(0, 20).toString().replaceFirst("]$", ", ... " + (items.size() - 20) + " more]");
    }

    private static List<Object> toList(Iterable<?> items) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
