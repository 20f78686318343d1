package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.cume_dist;
import static io.ember.dataframe.Functions.first_value;
import static io.ember.dataframe.Functions.nth_value;
import static io.ember.dataframe.Functions.ntile;
import static io.ember.dataframe.Functions.percent_rank;
import static io.ember.dataframe.Functions.lag;
import static io.ember.dataframe.Functions.row_number;
import static io.ember.dataframe.Functions.sum;
import static io.ember.dataframe.internal.sql.SqlFixtures.columns;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Window;
import io.ember.dataframe.WindowSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Window functions written in SQL: the same values and the same plans as the DataFrame API's. */
class SqlWindowTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void rankingFunctions() {
        assertEquals(table(row("Ann", 1, 1, 1), row("Bob", 2, 2, 2), row("Cid", 1, 1, 1), row("Dee", 2, 2, 2),
                        row("Eve", 1, 1, 1)),
                sql("SELECT name, row_number() OVER (PARTITION BY dept ORDER BY salary DESC) AS rn, "
                        + "rank() OVER (PARTITION BY dept ORDER BY salary DESC), "
                        + "dense_rank() OVER (PARTITION BY dept ORDER BY salary DESC) FROM emp ORDER BY id"));
    }

    @Test
    void aggregatesOverFrames() {
        assertEquals(table(row(1, 180L, 100L, 90.0), row(2, 180L, 180L, 70.0), row(3, 60L, 240L, 60.0),
                        row(4, 60L, 240L, 50.0), row(5, 50L, 290L, 50.0)),
                sql("SELECT id, sum(salary) OVER (PARTITION BY dept), "
                        + "sum(salary) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), "
                        + "avg(salary) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM emp ORDER BY id"));
        assertEquals(table(row(1, 2L), row(2, 3L), row(3, 3L), row(4, 3L), row(5, 2L)),
                sql("SELECT id, count(*) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM emp ORDER BY id"));
        assertEquals(table(row(1, 100), row(2, 100), row(3, 100), row(4, 80), row(5, 60)),
                sql("SELECT id, max(salary) OVER (ORDER BY id ROWS 2 PRECEDING) FROM emp ORDER BY id"));
    }

    @Test
    void lagAndLead() {
        assertEquals(table(row(1, null, "Cid"), row(2, 100, "Dee"), row(3, 80, "Eve"), row(4, 60, "none"),
                        row(5, null, "none")),
                sql("SELECT id, lag(salary) OVER (ORDER BY id), lead(name, 2, 'none') OVER (ORDER BY id) "
                        + "FROM emp ORDER BY id"));
    }

    @Test
    void namedWindow() {
        assertEquals(table(row("Ann", 1L), row("Bob", 2L), row("Cid", 1L), row("Dee", 2L), row("Eve", 1L)),
                sql("SELECT name, count(*) OVER w FROM emp WINDOW w AS (PARTITION BY dept ORDER BY id) ORDER BY id"));
    }

    @Test
    void windowOverAggregates() {
        DataFrame df = spark.sql("SELECT dept, sum(salary) AS total, rank() OVER (ORDER BY sum(salary) DESC) AS r, "
                + "sum(sum(salary)) OVER () AS everything FROM emp WHERE dept IS NOT NULL GROUP BY dept ORDER BY r");
        assertEquals(List.of("dept", "total", "r", "everything"), columns(df));
        assertEquals(table(row("eng", 180L, 1, 240L), row("ops", 60L, 2, 240L)), rows(df));
    }

    @Test
    void filteringOnAWindowThroughASubquery() {
        assertEquals(table(row("eng", "Ann"), row("ops", "Cid")),
                sql("SELECT dept, name FROM (SELECT dept, name, row_number() OVER (PARTITION BY dept ORDER BY salary "
                        + "DESC) AS rn FROM emp WHERE dept IS NOT NULL) ranked WHERE rn = 1 ORDER BY dept"));
    }

    @Test
    void filtersOnPartitionColumns_runBelowTheWindow() {
        DataFrame df = spark.sql("SELECT * FROM (SELECT dept, name, rank() OVER (PARTITION BY dept ORDER BY salary "
                + "DESC) AS r FROM emp) WHERE dept = 'ops' AND r = 1");
        String plan = PlanText.normalized(df.optimizedPlanString());
        int window = plan.indexOf("Window");
        assertTrue(plan.indexOf("Filter (r = 1)") < window, plan);
        assertTrue(plan.indexOf("Filter (dept = ops)") > window, plan);
        assertEquals(table(row("ops", "Cid", 1)), rows(df));
    }

    @Test
    void sqlAndDataFrameWindows_haveTheSameOptimizedPlan() {
        WindowSpec w = Window.partitionBy("dept").orderBy(col("salary").desc());
        DataFrame api = SqlFixtures.emp(spark).select(col("name"), row_number().over(w).as("rn"),
                sum("salary").over(Window.partitionBy("dept")).as("total"), lag("salary", 1).over(w).as("prev"));
        SqlFixtures.emp(spark).createOrReplaceTempView("emp_for_plans");
        DataFrame sql = spark.sql("SELECT name, row_number() OVER (PARTITION BY dept ORDER BY salary DESC) AS rn, "
                + "sum(salary) OVER (PARTITION BY dept) AS total, "
                + "lag(salary, 1) OVER (PARTITION BY dept ORDER BY salary DESC) AS prev FROM emp_for_plans");
        assertEquals(PlanText.normalized(api.optimizedPlanString()), PlanText.normalized(sql.optimizedPlanString()));
        assertEquals(PlanText.normalized(api.explainString(false)), PlanText.normalized(sql.explainString(false)));
    }

    @Test
    void distributionAndFrameValueFunctions_sameInBothFrontEnds() {
        WindowSpec w = Window.partitionBy("dept").orderBy(col("salary").desc());
        DataFrame api = SqlFixtures.emp(spark).select(col("name"), ntile(2).over(w).as("n"),
                percent_rank().over(w).as("pr"), cume_dist().over(w).as("cd"),
                nth_value(col("salary"), 2, true).over(w).as("second"),
                first_value(col("manager"), true).over(w.rowsBetween(-1, 1)).as("m"),
                sum("salary").over(Window.orderBy("id").rangeBetween(-1, 2)).as("near"));
        SqlFixtures.emp(spark).createOrReplaceTempView("emp_for_frames");
        DataFrame sql = spark.sql("SELECT name, ntile(2) OVER w AS n, percent_rank() OVER w AS pr, "
                + "cume_dist() OVER w AS cd, nth_value(salary, 2) IGNORE NULLS OVER w AS second, "
                + "first_value(manager, true) OVER (PARTITION BY dept ORDER BY salary DESC "
                + "ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS m, "
                + "sum(salary) OVER (ORDER BY id RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS near "
                + "FROM emp_for_frames WINDOW w AS (PARTITION BY dept ORDER BY salary DESC)");
        assertEquals(PlanText.normalized(api.optimizedPlanString()), PlanText.normalized(sql.optimizedPlanString()));
        assertEquals(rows(api.orderBy("name")), rows(sql.orderBy("name")));
    }

    @Test
    void errors() {
        AnalysisException noOver = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT row_number() FROM emp"));
        assertTrue(noOver.getMessage().contains("[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE]"), noOver.getMessage());
        AnalysisException noOrder = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT rank() OVER (PARTITION BY dept) FROM emp"));
        assertTrue(noOrder.getMessage().contains("[WINDOW_FUNCTION_WITHOUT_ORDER]"), noOrder.getMessage());
        AnalysisException undefined = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT rank() OVER v FROM emp WINDOW w AS (ORDER BY id)"));
        assertTrue(undefined.getMessage().contains("[MISSING_WINDOW_SPECIFICATION]")
                && undefined.getMessage().contains("`w`"), undefined.getMessage());
        AnalysisException inWhere = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT id FROM emp ORDER BY row_number() OVER (ORDER BY id)"));
        assertTrue(inWhere.getMessage().contains("[UNSUPPORTED_WINDOW_POSITION]"), inWhere.getMessage());
    }
}
