package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One planner, two front ends: queries written in SQL give the same rows and the same optimized
 * logical plan as written with the DataFrame API (the taxi revenue queries are compared in the
 * examples module's TaxiRevenueSqlTest).
 */
class SqlVersusDataFrameTest {
    private static EmberSession spark;

    @BeforeAll
    static void session() {
        spark = SqlTestSession.get();
    }

    @Test
    void simpleQueries_haveTheSameOptimizedPlans() {
        DataFrame emp = SqlFixtures.emp(spark);
        emp.createOrReplaceTempView("plan_emp");
        SqlFixtures.dept(spark).createOrReplaceTempView("plan_dept");
        assertSamePlan(emp.filter(col("salary").gt(50)).select(col("name"), col("salary").multiply(2).as("pay"))
                        .orderBy(col("pay").desc()).limit(2),
                "SELECT name, salary * 2 AS pay FROM plan_emp WHERE salary > 50 ORDER BY pay DESC LIMIT 2");
        assertSamePlan(emp.join(spark.table("plan_dept"), List.of("dept"), "left").select("name", "floor"),
                "SELECT name, floor FROM plan_emp LEFT JOIN plan_dept USING (dept)");
        assertSamePlan(emp.select("dept").distinct(), "SELECT DISTINCT dept FROM plan_emp");
        assertSamePlan(emp.select("dept").union(spark.table("plan_dept").select("dept")),
                "SELECT dept FROM plan_emp UNION ALL SELECT dept FROM plan_dept");
    }

    private static void assertSamePlan(DataFrame api, String sql) {
        DataFrame fromSql = spark.sql(sql);
        assertEquals(PlanText.normalized(api.optimizedPlanString()), PlanText.normalized(fromSql.optimizedPlanString()),
                sql);
        assertEquals(rows(api), rows(fromSql), sql);
    }
}
