package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every join type, computed as a broadcast hash join, a sort-merge join and a shuffled hash join. */
class JoinTest {
    private final EmberSession spark = TestSession.get();

    @AfterEach
    void restore() {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
        spark.conf().unset("ember.sql.join.preferSortMergeJoin");
    }

    private void strategy(String s) {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", s.equals("broadcast") ? "10485760" : "-1");
        spark.conf().set("ember.sql.join.preferSortMergeJoin", !s.equals("shuffledhash"));
    }

    private DataFrame left() {
        return spark.createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(2, "b"),
                RowFactory.create(2, "b2"), RowFactory.create(3, "c"), RowFactory.create(null, "n")),
                StructType.fromDDL("k INT, lv STRING"));
    }

    private DataFrame right() {
        return spark.createDataFrame(List.of(RowFactory.create(2, "x"), RowFactory.create(3, "y"),
                RowFactory.create(3, "y2"), RowFactory.create(4, "z"), RowFactory.create(null, "m")),
                StructType.fromDDL("rk INT, rv STRING"));
    }

    private static List<String> rows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private DataFrame join(String type) {
        return left().join(right(), col("k").equalTo(col("rk")), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"broadcast", "sortmerge", "shuffledhash"})
    void inner(String s) {
        strategy(s);
        assertEquals(List.of("[2,b,2,x]", "[2,b2,2,x]", "[3,c,3,y2]", "[3,c,3,y]"), rows(join("inner")));
        assertTrue(join("inner").explainString(false).contains(switch (s) {
            case "broadcast" -> "BroadcastHashJoin";
            case "sortmerge" -> "SortMergeJoin";
            default -> "ShuffledHashJoin";
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"broadcast", "sortmerge", "shuffledhash"})
    void leftOuter(String s) {
        strategy(s);
        assertEquals(List.of("[1,a,null,null]", "[2,b,2,x]", "[2,b2,2,x]", "[3,c,3,y2]", "[3,c,3,y]",
                "[null,n,null,null]"), rows(join("left")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"broadcast", "sortmerge", "shuffledhash"})
    void rightOuter(String s) {
        strategy(s);
        assertEquals(List.of("[2,b,2,x]", "[2,b2,2,x]", "[3,c,3,y2]", "[3,c,3,y]", "[null,null,4,z]",
                "[null,null,null,m]"), rows(join("right_outer")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"broadcast", "sortmerge", "shuffledhash"})
    void fullOuter(String s) {
        strategy(s);
        assertEquals(List.of("[1,a,null,null]", "[2,b,2,x]", "[2,b2,2,x]", "[3,c,3,y2]", "[3,c,3,y]",
                "[null,n,null,null]", "[null,null,4,z]", "[null,null,null,m]"), rows(join("full")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"broadcast", "sortmerge", "shuffledhash"})
    void semiAndAnti(String s) {
        strategy(s);
        assertEquals(List.of("[2,b2]", "[2,b]", "[3,c]"), rows(join("left_semi")));
        assertEquals(List.of("[1,a]", "[null,n]"), rows(join("leftanti")));
        assertArrayEquals(new String[] {"k", "lv"}, join("semi").columns());
    }

    @ParameterizedTest
    @ValueSource(strings = {"broadcast", "sortmerge", "shuffledhash"})
    void residualCondition_inOuterJoin(String s) {
        strategy(s);
        DataFrame df = left().join(right(), col("k").equalTo(col("rk")).and(col("rv").notEqual("y2")), "left");
        assertEquals(List.of("[1,a,null,null]", "[2,b,2,x]", "[2,b2,2,x]", "[3,c,3,y]", "[null,n,null,null]"), rows(df));
    }

    @Test
    void crossAndNonEquiJoins() {
        assertEquals(25, left().crossJoin(right()).count());
        DataFrame lt = left().join(right(), col("k").lt(col("rk")), "inner");
        assertEquals(List.of("[1,a,2,x]", "[1,a,3,y2]", "[1,a,3,y]", "[1,a,4,z]", "[2,b,3,y2]", "[2,b,3,y]",
                "[2,b,4,z]", "[2,b2,3,y2]", "[2,b2,3,y]", "[2,b2,4,z]", "[3,c,4,z]"), rows(lt));
        assertTrue(lt.explainString(false).contains("BroadcastNestedLoopJoin"));
        DataFrame full = left().join(right(), col("k").gt(col("rk")).and(col("rk").equalTo(2)), "full");
        assertEquals(List.of("[1,a,null,null]", "[2,b,null,null]", "[2,b2,null,null]", "[3,c,2,x]",
                "[null,n,null,null]", "[null,null,3,y2]", "[null,null,3,y]", "[null,null,4,z]", "[null,null,null,m]"),
                rows(full));
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        DataFrame cart = left().crossJoin(right());
        assertTrue(cart.explainString(false).contains("CartesianProduct"));
        assertEquals(25, cart.count());
    }

    @Test
    void usingColumns() {
        DataFrame l = left();
        DataFrame r = right().withColumnRenamed("rk", "k");
        DataFrame inner = l.join(r, "k");
        assertArrayEquals(new String[] {"k", "lv", "rv"}, inner.columns());
        assertEquals(4, inner.count());
        DataFrame full = l.join(r, List.of("k"), "full_outer");
        assertEquals(List.of("[1,a,null]", "[2,b,x]", "[2,b2,x]", "[3,c,y2]", "[3,c,y]", "[4,null,z]",
                "[null,n,null]", "[null,null,m]"), rows(full));
        AnalysisException e = assertThrows(AnalysisException.class, () -> l.join(right(), "k"));
        assertTrue(e.getMessage().contains("USING column `k` cannot be resolved on the right side"), e.getMessage());
    }

    @Test
    void selfJoin_andQualifiedNames() {
        DataFrame a = left().as("a");
        DataFrame b = left().as("b");
        DataFrame df = a.join(b, col("a.k").equalTo(col("b.k")).and(col("a.lv").lt(col("b.lv"))));
        assertEquals(List.of("[2,b,2,b2]"), rows(df));
        DataFrame l = left();
        assertEquals(6, l.join(l, l.col("k").equalTo(l.col("k"))).count(), "a self join re-ids the right side");
    }

    @Test
    void broadcastHint_winsOverSize() {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        DataFrame df = left().join(broadcast(right()), col("k").equalTo(col("rk")));
        assertTrue(df.explainString(false).contains("BroadcastHashJoin [k#"), df.explainString(false));
        assertEquals(4, df.count());
    }

    @Test
    void joinKeysOfDifferentTypes_areCoerced() {
        DataFrame longs = spark.range(0, 5).withColumnRenamed("id", "lk");
        assertEquals(2, left().join(longs, col("k").equalTo(col("lk"))).filter(col("k").lt(3)).count() - 1);
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        assertEquals(4, left().join(longs, col("k").equalTo(col("lk"))).count());
    }

    @Test
    void emptySides() {
        DataFrame none = right().filter(col("rk").gt(100));
        assertEquals(0, left().join(none, col("k").equalTo(col("rk"))).count());
        assertEquals(5, left().join(none, col("k").equalTo(col("rk")), "left").count());
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        assertEquals(5, left().join(none, col("k").equalTo(col("rk")), "full").count());
        assertEquals(5, left().join(none, col("k").equalTo(col("rk")), "anti").count());
    }

    @Test
    void skewedKeys_sortMerge() {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        DataFrame big = spark.range(3000).withColumn("k", when(col("id").lt(2900), 1).otherwise(col("id")));
        DataFrame small = spark.range(0, 3000, 1, 3).withColumnRenamed("id", "k2").filter(col("k2").leq(2910));
        long expected = 2900 + 11;
        assertEquals(expected, big.join(small, col("k").equalTo(col("k2"))).count());
    }
}
