package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.internal.sql.SqlFixtures.columns;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code LEFT SEMI JOIN}, {@code LEFT ANTI JOIN} and {@code NATURAL [LEFT] JOIN} in SQL, checked
 * against hand-computed rows of the {@link SqlFixtures} tables and against the DataFrame API's
 * {@code left_semi} / {@code left_anti} joins.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlSemiAntiNaturalJoinTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
        SqlFixtures.dept(spark).limit(0).createOrReplaceTempView("no_dept");
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void leftSemiJoin_keepsLeftRowsWithAMatch() {
        DataFrame df = spark.sql("SELECT * FROM emp e LEFT SEMI JOIN dept d ON e.dept = d.dept ORDER BY id");
        assertEquals(List.of("id", "name", "dept", "salary", "manager"), columns(df));
        assertEquals(table(row(1), row(2), row(3), row(4)),
                sql("SELECT id FROM emp e LEFT SEMI JOIN dept d ON e.dept = d.dept ORDER BY id"));
    }

    @Test
    void leftAntiJoin_keepsLeftRowsWithoutAMatch_nullKeysIncluded() {
        assertEquals(table(row(5)), sql("SELECT id FROM emp e LEFT ANTI JOIN dept d ON e.dept = d.dept"));
        assertEquals(table(row("hr")), sql("SELECT d.dept FROM dept d\nLEFT ANTI JOIN emp e ON d.dept = e.dept"));
        assertEquals(table(row(1), row(2), row(3), row(4), row(5)),
                sql("SELECT id FROM emp LEFT ANTI JOIN no_dept ON emp.dept = no_dept.dept ORDER BY id"));
        assertEquals(List.of(), sql("SELECT dept FROM no_dept LEFT ANTI JOIN emp ON no_dept.dept = emp.dept"));
    }

    @Test
    void semiAndAntiInOneQuery_eachKeepsItsKind() {
        assertEquals(table(row(1), row(2)),
                sql("SELECT id FROM emp e LEFT SEMI JOIN dept d ON e.dept = d.dept "
                        + "left anti join (SELECT 'ops' AS dept) o ON e.dept = o.dept ORDER BY id"));
        assertEquals(table(row(3), row(4)),
                sql("SELECT id FROM emp e LEFT ANTI JOIN (SELECT 'eng' AS dept) o ON e.dept = o.dept "
                        + "LEFT SEMI JOIN dept d ON e.dept = d.dept ORDER BY id"));
    }

    @Test
    void sqlJoins_matchTheDataFrameJoins() {
        DataFrame emp = spark.table("emp");
        DataFrame dept = spark.table("dept");
        assertEquals(rows(emp.join(dept, emp.col("dept").equalTo(dept.col("dept")), "left_anti").orderBy("id")),
                sql("SELECT * FROM emp LEFT ANTI JOIN dept ON emp.dept = dept.dept ORDER BY id"));
        assertEquals(rows(emp.join(dept, emp.col("dept").equalTo(dept.col("dept")), "left_semi").orderBy("id")),
                sql("SELECT * FROM emp LEFT SEMI JOIN dept ON emp.dept = dept.dept ORDER BY id"));
    }

    @Test
    void naturalJoin_onTheCommonColumns() {
        DataFrame df = spark.sql("SELECT * FROM emp NATURAL JOIN dept ORDER BY id");
        assertEquals(List.of("dept", "id", "name", "salary", "manager", "floor"), columns(df));
        assertEquals(table(row("eng", 1, 3), row("eng", 2, 3), row("ops", 3, 1), row("ops", 4, 1)),
                rows(df.select(col("dept"), col("id"), col("floor"))));
        assertEquals(table(row(1, 3), row(2, 3), row(3, 1), row(4, 1), row(5, null)),
                sql("SELECT id, floor FROM emp NATURAL LEFT JOIN dept ORDER BY id"));
        assertEquals(List.of(), sql("SELECT * FROM emp NATURAL JOIN no_dept"));
    }

    @Test
    void semiOrAntiWithoutLeft_isRejectedAtItsPosition() {
        ParseException e = assertThrows(ParseException.class,
                () -> spark.sql("SELECT id FROM emp\n  ANTI JOIN dept ON emp.dept = dept.dept"));
        assertTrue(e.getMessage().startsWith("[UNSUPPORTED_SQL_SYNTAX] ANTI JOIN without LEFT is not supported; "
                + "write LEFT ANTI JOIN: line 2, column 3."), e.getMessage());
        ParseException semi = assertThrows(ParseException.class,
                () -> spark.sql("SELECT id FROM emp SEMI JOIN dept ON emp.dept = dept.dept"));
        assertEquals(20, semi.column());
    }
}
