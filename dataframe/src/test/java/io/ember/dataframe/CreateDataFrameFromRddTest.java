package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.RDD;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code createDataFrame} from RDDs of rows and beans: lazy, built on the executors, checked per row. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CreateDataFrameFromRddTest {

    private static final StructType PEOPLE = new StructType()
            .add("name", DataTypes.StringType, false)
            .add("age", DataTypes.IntegerType, true);

    private final EmberSession spark = TestSession.get();

    @Test
    void rowsWithNullsAcrossPartitions_sumAndRowsMatchHandComputedValues() {
        RDD<Row> rdd = spark.context().parallelize(List.of(Row.of("ann", 30), Row.of("bob", null),
                Row.of("cy", 12)), 2);
        DataFrame df = spark.createDataFrame(rdd, PEOPLE);
        assertEquals(PEOPLE, df.schema());
        List<Row> rows = new ArrayList<>(df.collectAsList());
        rows.sort((a, b) -> a.getString(0).compareTo(b.getString(0)));
        assertEquals(List.of(Row.of("ann", 30), Row.of("bob", null), Row.of("cy", 12)), rows);
        // 30 + 12, the null skipped.
        assertEquals(42L, ((Number) df.agg(Functions.sum("age")).first().get(0)).longValue());
    }

    @Test
    void emptyRddAndMorePartitionsThanRows() {
        assertEquals(0L, spark.createDataFrame(spark.context().parallelize(List.<Row>of(), 3), PEOPLE).count());
        DataFrame sparse = spark.createDataFrame(spark.context().parallelize(List.of(Row.of("x", 1)), 5), PEOPLE);
        assertEquals(List.of(Row.of("x", 1)), sparse.collectAsList());
    }

    @Test
    void roundTripThroughRdd() {
        DataFrame df = spark.createDataFrame(spark.context().parallelize(List.of(Row.of("a", 1), Row.of("b", 2)), 2),
                PEOPLE);
        DataFrame again = spark.createDataFrame(df.rdd(), df.schema());
        assertEquals(2L, spark.createDataFrame(df.toJavaRDD(), df.schema()).count());
        assertEquals(List.of(Row.of("a", 1), Row.of("b", 2)), again.orderBy("name").collectAsList());
    }

    @Test
    void wrongTypeAndNullInNonNullableFieldFailTheActionNamingFieldAndRow() {
        DataFrame wrong = spark.createDataFrame(spark.context().parallelize(List.of(Row.of("a", "old")), 1), PEOPLE);
        Throwable e = assertThrows(RuntimeException.class, wrong::collectAsList);
        String message = fullMessage(e);
        assertTrue(message.contains("field age") && message.contains("Row 0"), message);
        DataFrame nulls = spark.createDataFrame(spark.context().parallelize(List.of(Row.of(null, 1)), 1), PEOPLE);
        String nullMessage = fullMessage(assertThrows(RuntimeException.class, nulls::collectAsList));
        assertTrue(nullMessage.contains("field name is not nullable"), nullMessage);
    }

    @Test
    void noJobRunsAtCreation() throws InterruptedException {
        JobAssertions.assertRunsNoJob(spark, () -> {
            RDD<Row> rdd = spark.context().parallelize(List.of(Row.of("a", 1)), 2);
            spark.createDataFrame(rdd, PEOPLE);
            spark.createDataFrame(spark.context().parallelize(List.of(new Person("a", 1)), 2), Person.class);
        });
    }

    @Test
    void beansFromRdd_bigIntegerIsDecimal38_0() {
        RDD<Person> rdd = spark.context().parallelize(List.of(new Person("ann", 30), new Person("bob", null)), 3);
        DataFrame df = spark.createDataFrame(rdd, Person.class);
        assertEquals(new StructType().add("age", DataTypes.IntegerType, true)
                .add("name", DataTypes.StringType, true), df.schema());
        assertEquals(List.of(Row.of(30, "ann"), Row.of(null, "bob")), df.orderBy("name").collectAsList());

        DataFrame big = spark.createDataFrame(spark.context().parallelize(
                List.of(new Account(new BigInteger("123456789012345678901234567890"))), 2), Account.class);
        assertEquals(DataTypes.createDecimalType(38, 0), big.schema().fields()[0].dataType());
        assertEquals(0, new BigDecimal("123456789012345678901234567890")
                .compareTo((BigDecimal) big.first().get(0)));
    }

    @Test
    void recordsFromRdd() {
        DataFrame df = spark.createDataFrame(spark.context().parallelize(List.of(new Point(1, 2L), new Point(3, 4L)), 2),
                Point.class);
        assertEquals(List.of(Row.of(1, 2L), Row.of(3, 4L)), df.orderBy("x").collectAsList());
    }

    @Test
    void selfReferencingBeansAreRejectedWithClearErrors() {
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> spark.createDataFrame(spark.context().parallelize(List.<Node>of(), 1), Node.class));
        assertTrue(self.getMessage().contains("cannot have circular references in bean class"), self.getMessage());
        assertTrue(self.getMessage().contains(Node.class.getName()), self.getMessage());
        IllegalArgumentException indirect = assertThrows(IllegalArgumentException.class,
                () -> spark.createDataFrame(List.of(), Parent.class));
        assertTrue(indirect.getMessage().contains(Child.class.getName() + " -> " + Parent.class.getName()),
                indirect.getMessage());
    }

    @Test
    void beansFromRdd_nestedBeanIsAStructColumn() {
        DataFrame df = spark.createDataFrame(spark.context().parallelize(List.of(new Wrapper()), 1), Wrapper.class);
        StructType tagged = new StructType().add("tags", DataTypes.createArrayType(DataTypes.StringType, true), true);
        assertEquals(new StructType().add("tagged", tagged, true), df.schema());
        assertEquals(List.of(Row.of((Object) null)), df.collectAsList());
    }

    @Test
    void beansFromRdd_listPropertyIsAnArrayColumn() {
        DataFrame df = spark.createDataFrame(spark.context().parallelize(List.of(new Tagged()), 1), Tagged.class);
        assertEquals(new StructType().add("tags", DataTypes.createArrayType(DataTypes.StringType, true), true),
                df.schema());
        assertEquals(List.of(Row.of(List.of("a"))), df.collectAsList());
    }

    private static String fullMessage(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append(" | ");
        }
        return s.toString();
    }

    /** A bean with a BigInteger. */
    public static final class Account implements java.io.Serializable {
        private final BigInteger balance;

        Account(BigInteger balance) {
            this.balance = balance;
        }

        public BigInteger getBalance() {
            return balance;
        }
    }

    /** A record. */
    public record Point(int x, long y) implements java.io.Serializable {
    }

    /** Refers to itself. */
    public static final class Node {
        public Node getNext() {
            return null;
        }
    }

    /** Refers to itself through {@link Child}. */
    public static final class Parent {
        public Child getChild() {
            return null;
        }
    }

    /** Refers back to {@link Parent}. */
    public static final class Child {
        public Parent getParent() {
            return null;
        }
    }

    /** Has a nested bean property. */
    public static final class Wrapper {
        public Tagged getTagged() {
            return null;
        }
    }

    /** Has a list property. */
    public static final class Tagged {
        public List<String> getTags() {
            return Arrays.asList("a");
        }
    }
}
