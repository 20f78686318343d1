package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.Column;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.types.StructType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Join conditions the optimizer must see through, in SQL and in the DataFrame API: a join key
 * repeated in every branch of an {@code OR} (TPC-H Q19's shape) and comma (cross) joins listed
 * in an order whose neighbours share no condition (Q2's and Q9's shape). Each test checks the answer (worked out by hand from the
 * {@link SqlFixtures} tables and {@code floors}) and the plan, and that the plan has the
 * cartesian product when the rule that removes it is excluded.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlJoinConditionsTest {
    private static final String EXCLUDED = "ember.sql.optimizer.excludedRules";
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
        spark.createDataFrame(List.of(Row.of(1, "ground"), Row.of(2, "first"), Row.of(3, "second")),
                StructType.fromDDL("floor INT, label STRING")).createOrReplaceTempView("floors");
    }

    private static String physicalPlan(String sql) {
        return spark.sql(sql).explainString(false);
    }

    private static <T> T without(String rule, Supplier<T> body) {
        spark.conf().set(EXCLUDED, rule);
        try {
            return body.get();
        } finally {
            spark.conf().unset(EXCLUDED);
        }
    }

    private static boolean hasCartesianProduct(String plan) {
        return plan.contains("CartesianProduct") || plan.matches("(?s).*BroadcastNestedLoopJoin Build(Left|Right), (Inner|Cross).*");
    }

    @Test
    void joinKeyInEveryBranchOfAnOr_isAnEquiJoin() {
        String sql = "SELECT e.name, d.floor FROM emp e, dept d "
                + "WHERE (e.dept = d.dept AND d.floor = 3 AND e.salary > 90) "
                + "OR (e.dept = d.dept AND d.floor = 1 AND e.salary < 70) ORDER BY name";
        // Ann: eng, floor 3, salary 100; Cid: ops, floor 1, salary 60; Dee's salary is null.
        assertEquals(table(row("Ann", 3), row("Cid", 1)), rows(spark.sql(sql)));
        String plan = physicalPlan(sql);
        assertFalse(hasCartesianProduct(plan), plan);
        assertTrue(plan.contains("HashJoin"), plan);
        String optimized = PlanText.normalized(spark.sql(sql).optimizedPlanString());
        assertTrue(optimized.contains("Filter ((floor = 3) OR (floor = 1))"), optimized);
        assertTrue(optimized.contains("Filter ((salary > 90) OR (salary < 70))"), optimized);
        assertTrue(hasCartesianProduct(without("ExtractCommonConjunctsFromOr", () -> physicalPlan(sql))));
    }

    @Test
    void joinKeyInEveryBranchOfAnOr_isAnEquiJoin_inTheDataFrameApi() {
        DataFrame e = SqlFixtures.emp(spark).as("e");
        DataFrame d = SqlFixtures.dept(spark).as("d");
        Column sameDept = col("e.dept").equalTo(col("d.dept"));
        DataFrame joined = e.crossJoin(d)
                .filter(sameDept.and(col("d.floor").equalTo(3)).and(col("e.salary").gt(90))
                        .or(sameDept.and(col("d.floor").equalTo(1)).and(col("e.salary").lt(70))))
                .select(col("e.name"), col("d.floor")).orderBy(col("name"));
        assertEquals(table(row("Ann", 3), row("Cid", 1)), rows(joined));
        String plan = joined.explainString(false);
        assertFalse(hasCartesianProduct(plan), plan);
    }

    @Test
    void crossJoinsChainedWithoutNeighbourConditions_inTheDataFrameApi() {
        DataFrame emp = SqlFixtures.emp(spark);
        DataFrame dept = SqlFixtures.dept(spark);
        DataFrame floors = spark.table("floors");
        DataFrame joined = emp.crossJoin(floors).crossJoin(dept)
                .filter(emp.col("dept").equalTo(dept.col("dept")).and(dept.col("floor").equalTo(floors.col("floor"))))
                .select(emp.col("name"), floors.col("label")).orderBy(col("name"));
        assertEquals(table(row("Ann", "second"), row("Bob", "second"), row("Cid", "ground"), row("Dee", "ground")),
                rows(joined));
        String plan = joined.explainString(false);
        assertFalse(hasCartesianProduct(plan), plan);
    }

    @Test
    void orWhoseBranchIsOnlyTheSharedConjuncts_isThatConjunction() {
        String sql = "SELECT e.name FROM emp e, dept d WHERE (e.dept = d.dept) OR (e.dept = d.dept AND d.floor = 1) "
                + "ORDER BY name";
        assertEquals(table(row("Ann"), row("Bob"), row("Cid"), row("Dee")), rows(spark.sql(sql)));
        assertFalse(PlanText.normalized(spark.sql(sql).optimizedPlanString()).contains(" OR "));
    }

    @Test
    void orWithoutSharedConjuncts_isKept() {
        String sql = "SELECT e.name FROM emp e WHERE (e.dept = 'eng' AND salary > 90) OR (e.dept = 'ops' AND id = 4) "
                + "ORDER BY name";
        assertEquals(table(row("Ann"), row("Dee")), rows(spark.sql(sql)));
    }

    @Test
    void commaJoinListedWithoutNeighbourConditions_isJoinedAlongItsEqualities() {
        String sql = "SELECT name, label FROM emp, floors, dept "
                + "WHERE emp.dept = dept.dept AND dept.floor = floors.floor ORDER BY name";
        assertEquals(table(row("Ann", "second"), row("Bob", "second"), row("Cid", "ground"), row("Dee", "ground")),
                rows(spark.sql(sql)));
        String plan = physicalPlan(sql);
        assertFalse(hasCartesianProduct(plan), plan);
        assertTrue(hasCartesianProduct(without("ReorderInnerJoins", () -> physicalPlan(sql))));
    }

    @Test
    void reorderedJoin_keepsTheColumnOrder() {
        String sql = "SELECT * FROM floors, emp, dept WHERE emp.dept = dept.dept AND dept.floor = floors.floor "
                + "AND emp.id = 1";
        assertEquals(List.of("floor", "label", "id", "name", "dept", "salary", "manager", "dept", "floor"),
                SqlFixtures.columns(spark.sql(sql)));
        assertEquals(table(row(3, "second", 1, "Ann", "eng", 100, null, "eng", 3)), rows(spark.sql(sql)));
    }

    @Test
    void unconnectedRelation_staysACartesianProduct_withTheRightAnswer() {
        String sql = "SELECT name, label FROM emp, floors, dept WHERE emp.dept = dept.dept AND emp.id = 1 "
                + "ORDER BY label";
        assertEquals(table(row("Ann", "first"), row("Ann", "ground"), row("Ann", "second")), rows(spark.sql(sql)));
    }
}
