package io.ember.dataframe.internal.sql;

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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Joins of every kind, with ON, USING and without a condition. */
class SqlJoinTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void innerJoin_on() {
        assertEquals(table(row("Ann", 3), row("Bob", 3), row("Cid", 1), row("Dee", 1)),
                sql("SELECT e.name, d.floor FROM emp e JOIN dept d ON e.dept = d.dept ORDER BY e.id"));
        assertEquals(table(row("Ann", 3), row("Bob", 3)),
                sql("SELECT name, floor FROM emp INNER JOIN dept ON emp.dept = dept.dept AND floor > 2 ORDER BY id"));
    }

    @Test
    void leftJoin_keepsUnmatchedLeftRows() {
        assertEquals(table(row("Ann", 3), row("Bob", 3), row("Cid", 1), row("Dee", 1), row("Eve", null)),
                sql("SELECT e.name, d.floor FROM emp e LEFT JOIN dept d ON e.dept = d.dept ORDER BY e.id"));
        assertEquals(table(row("Eve")),
                sql("SELECT e.name FROM emp e LEFT OUTER JOIN dept d ON e.dept = d.dept WHERE d.dept IS NULL"));
    }

    @Test
    void rightJoin_keepsUnmatchedRightRows() {
        assertEquals(table(row("eng", 2L), row("hr", 0L), row("ops", 2L)),
                sql("SELECT d.dept, count(e.id) FROM emp e RIGHT JOIN dept d ON e.dept = d.dept GROUP BY d.dept "
                        + "ORDER BY d.dept"));
    }

    @Test
    void fullJoin_keepsBothSides() {
        assertEquals(table(row(null, "hr"), row("Ann", "eng"), row("Bob", "eng"), row("Cid", "ops"), row("Dee", "ops"),
                        row("Eve", null)),
                sql("SELECT e.name, d.dept FROM emp e FULL OUTER JOIN dept d ON e.dept = d.dept ORDER BY e.name"));
    }

    @Test
    void crossJoin_andCommaJoin() {
        assertEquals(table(row(15L)), sql("SELECT count(*) FROM emp CROSS JOIN dept"));
        assertEquals(table(row("Cid", 1)),
                sql("SELECT e.name, d.floor FROM emp e, dept d WHERE e.dept = d.dept AND e.id = 3"));
    }

    @Test
    void using_keepsOneKeyColumn() {
        DataFrame df = spark.sql("SELECT * FROM emp JOIN dept USING (dept) WHERE id = 1");
        assertEquals(List.of("dept", "id", "name", "salary", "manager", "floor"), columns(df));
        assertEquals(table(row("eng", 1, "Ann", 100, null, 3)), rows(df));
    }

    @Test
    void using_withOuterJoins() {
        assertEquals(table(row("eng"), row("hr"), row("ops")),
                sql("SELECT DISTINCT dept FROM emp RIGHT JOIN dept USING (dept) ORDER BY dept"));
        assertEquals(table(row((Object) null), row("eng"), row("hr"), row("ops")),
                sql("SELECT DISTINCT dept FROM emp FULL JOIN dept USING (dept) ORDER BY dept"));
    }

    @Test
    void naturalJoin_usesTheCommonColumns() {
        assertEquals(table(row(4L)), sql("SELECT count(*) FROM emp NATURAL JOIN dept"));
    }

    @Test
    void selfJoin_seesTwoCopies() {
        assertEquals(table(row("Bob", "Ann"), row("Cid", "Ann"), row("Dee", "Cid")),
                sql("SELECT e.name, m.name AS manager FROM emp e JOIN emp m ON e.manager = m.id ORDER BY e.id"));
    }

    @Test
    void semiJoin() {
        assertEquals(table(row("eng"), row("ops")),
                sql("SELECT d.dept FROM dept d LEFT SEMI JOIN emp e ON d.dept = e.dept ORDER BY d.dept"));
    }

    @Test
    void threeWayJoin() {
        assertEquals(table(row("Bob", "Ann", 3)),
                sql("SELECT e.name, m.name, d.floor FROM emp e JOIN emp m ON e.manager = m.id "
                        + "JOIN dept d ON d.dept = e.dept WHERE e.salary = 80"));
    }

    @Test
    void broadcastHint_forcesABroadcastJoin() {
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        try {
            String plain = spark.sql("SELECT e.name FROM emp e JOIN dept d ON e.dept = d.dept").explainString(false);
            assertTrue(plain.contains("ShuffledHashJoin"), plain);
            DataFrame hinted = spark.sql("SELECT /*+ BROADCAST(d) */ e.name, d.floor FROM emp e JOIN dept d "
                    + "ON e.dept = d.dept ORDER BY e.id");
            String plan = hinted.explainString(false);
            assertTrue(plan.contains("BroadcastHashJoin") && plan.contains("BuildRight"), plan);
            assertEquals(table(row("Ann", 3), row("Bob", 3), row("Cid", 1), row("Dee", 1)), rows(hinted));
            DataFrame api = SqlFixtures.emp(spark).as("e").join(io.ember.dataframe.Functions.broadcast(
                    SqlFixtures.dept(spark).as("d")), io.ember.dataframe.Functions.col("e.dept")
                    .equalTo(io.ember.dataframe.Functions.col("d.dept")));
            assertTrue(api.explainString(false).contains("BroadcastHashJoin"), api.explainString(false));
        } finally {
            spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
        }
    }

    @Test
    void ambiguousColumn_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT dept FROM emp JOIN dept ON emp.dept = dept.dept"));
        assertTrue(e.getMessage().contains("[AMBIGUOUS_REFERENCE]"), e.getMessage());
    }

    @Test
    void unknownUsingColumn_namesTheSide() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT * FROM emp JOIN dept USING (floor)"));
        assertTrue(e.getMessage().contains("left side"), e.getMessage());
    }
}
