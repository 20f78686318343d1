package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.expr;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DataFrame API's SQL-text entry points ({@code expr}, {@code selectExpr},
 * {@code filter(String)} / {@code where(String)}, {@code agg(Map)}) over the {@link SqlFixtures}
 * {@code emp} table, each result checked against the hand-computed rows and against the same
 * text run through {@code spark.sql}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataFrameSqlExpressionsTest {
    private static EmberSession spark;
    private static DataFrame emp;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
        emp = spark.table("emp");
    }

    @Test
    void selectExpr_matchesSql() {
        DataFrame df = emp.selectExpr("id", "upper(name) AS n", "salary * 2 doubled", "CASE WHEN manager IS NULL "
                + "THEN 'top' ELSE 'staff' END role").orderBy("id");
        assertEquals(List.of("id", "n", "doubled", "role"), columns(df));
        assertEquals(table(row(1, "ANN", 200, "top"), row(2, "BOB", 160, "staff"), row(3, "CID", 120, "staff"),
                row(4, "DEE", null, "staff"), row(5, "EVE", 100, "top")), rows(df));
        assertEquals(rows(df), rows(spark.sql("SELECT id, upper(name) AS n, salary * 2 doubled, CASE WHEN manager "
                + "IS NULL THEN 'top' ELSE 'staff' END role FROM emp ORDER BY id")));
    }

    @Test
    void selectExpr_starAndQualifiedStar() {
        assertEquals(columns(emp), columns(emp.selectExpr("*")));
        assertEquals(columns(emp), columns(emp.as("e").selectExpr("e.*")));
    }

    @Test
    void filterAndWhereStrings_nullsAreNotTrue() {
        assertEquals(table(row(2), row(3)), rows(emp.filter("salary BETWEEN 60 AND 80").select("id").orderBy("id")));
        assertEquals(table(row(5)), rows(emp.where("dept IS NULL OR salary IS NULL AND id > 4").select("id")));
        assertEquals(List.of(), rows(emp.filter("salary > 1000")));
        assertEquals(table(row(1), row(2), row(3)), rows(emp.where("manager IN (1) OR id = 1").select("id").orderBy("id")));
    }

    @Test
    void exprInsideColumnExpressions() {
        assertEquals(table(row(1, true), row(2, false)),
                rows(emp.filter(col("id").leq(2)).select(col("id"), expr("salary >= 90").as("rich")).orderBy("id")));
        assertEquals(table(row(3L)), rows(emp.agg(expr("count(DISTINCT dept) + 1"))));
    }

    @Test
    void aggMap_anySqlAggregate_namedAsSpark() {
        Map<String, String> aggs = new LinkedHashMap<>();
        aggs.put("salary", "max");
        aggs.put("*", "count");
        aggs.put("manager", "avg");
        DataFrame grouped = emp.groupBy("dept").agg(aggs).orderBy("dept");
        assertEquals(List.of("dept", "max(salary)", "count(1)", "avg(manager)"), columns(grouped));
        assertEquals(table(row(null, 50, 1L, null), row("eng", 100, 2L, 1.0), row("ops", 60, 2L, 2.0)),
                rows(grouped));
        DataFrame global = emp.agg(Map.of("salary", "variance"));
        assertEquals(List.of("variance(salary)"), columns(global));
        double mean = (100 + 80 + 60 + 50) / 4.0;
        double variance = (Math.pow(100 - mean, 2) + Math.pow(80 - mean, 2) + Math.pow(60 - mean, 2)
                + Math.pow(50 - mean, 2)) / 3;
        assertEquals(variance, (Double) rows(global).get(0).get(0), 1e-9);
        assertEquals(table(row(null, 0L)),
                rows(emp.filter("id > 100").agg(new LinkedHashMap<>(Map.of("salary", "sum"))).crossJoin(
                        emp.filter("id > 100").agg(Map.of("*", "count")))));
    }

    @Test
    void aggMap_unknownFunction_namesTheClosest() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> emp.agg(Map.of("salary", "maxx")));
        assertTrue(e.getMessage().startsWith("[UNRESOLVED_ROUTINE] Cannot resolve function `maxx`"), e.getMessage());
        assertTrue(e.getMessage().contains("`max`"), e.getMessage());
    }

    @Test
    void badExpressionText_namesLineAndColumn() {
        ParseException e = assertThrows(ParseException.class, () -> emp.selectExpr("id", "salary + )"));
        assertEquals(1, e.line());
        assertEquals(10, e.column());
        ParseException twoExprs = assertThrows(ParseException.class, () -> expr("a b c"));
        assertTrue(twoExprs.getMessage().startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'c'"),
                twoExprs.getMessage());
        AnalysisException unknown = assertThrows(AnalysisException.class, () -> emp.filter("salry > 1"));
        assertTrue(unknown.getMessage().contains("`salry` cannot be resolved"), unknown.getMessage());
    }
}
