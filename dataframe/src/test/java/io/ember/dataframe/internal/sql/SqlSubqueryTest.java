package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.EmberSession;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Subqueries in expressions: scalar (correlated or not; in SELECT, WHERE and HAVING), {@code IN}
 * / {@code NOT IN} with SQL's NULL semantics, {@code EXISTS} / {@code NOT EXISTS}, over the
 * {@link SqlFixtures} tables; expected rows are worked out by hand from the table in that
 * class's comment. The optimized plans are checked to hold the joins they become and no
 * subquery.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlSubqueryTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    private static List<List<Object>> sql(String text) {
        return rows(spark.sql(text));
    }

    // ---- IN / NOT IN ---------------------------------------------------------------------------

    @Test
    void in_keepsRowsWithAMatch() {
        assertEquals(table(row("Ann"), row("Bob")),
                sql("SELECT name FROM emp WHERE dept IN (SELECT dept FROM dept WHERE floor > 1) ORDER BY name"));
    }

    @Test
    void in_emptySubquery_keepsNothing() {
        assertEquals(List.of(), sql("SELECT name FROM emp WHERE dept IN (SELECT dept FROM dept WHERE floor > 10)"));
    }

    @Test
    void notIn_aNullInTheSubquery_keepsNothing() {
        // manager holds nulls: id NOT IN (null, 1, 1, 3, null) is never true.
        assertEquals(List.of(), sql("SELECT id FROM emp WHERE id NOT IN (SELECT manager FROM emp)"));
    }

    @Test
    void notIn_withoutNulls_keepsTheRest() {
        assertEquals(table(row(2), row(4), row(5)), sql("SELECT id FROM emp WHERE id NOT IN "
                + "(SELECT manager FROM emp WHERE manager IS NOT NULL) ORDER BY id"));
    }

    @Test
    void notIn_aNullValue_isNotKept() {
        // Eve's dept is null: null NOT IN ('ops') is null, so her row goes.
        assertEquals(table(row("Ann"), row("Bob")),
                sql("SELECT name FROM emp WHERE dept NOT IN (SELECT dept FROM dept WHERE floor = 1) ORDER BY name"));
    }

    @Test
    void notIn_emptySubquery_keepsEveryRow_evenNullValues() {
        assertEquals(table(row(1), row(2), row(3), row(4), row(5)),
                sql("SELECT id FROM emp WHERE dept NOT IN (SELECT dept FROM dept WHERE floor > 10) ORDER BY id"));
    }

    @Test
    void in_widensTypes() {
        assertEquals(table(row(1), row(3)),
                sql("SELECT id FROM emp WHERE id IN (SELECT CAST(manager AS BIGINT) FROM emp) ORDER BY id"));
    }

    @Test
    void in_correlated() {
        // Employees whose manager works in the same department: Bob (eng, Ann), Dee (ops, Cid).
        assertEquals(table(row("Bob"), row("Dee")), sql("SELECT name FROM emp e WHERE manager IN "
                + "(SELECT m.id FROM emp m WHERE m.dept = e.dept) ORDER BY name"));
    }

    @Test
    void in_inHaving_overAnAggregate() {
        // Rows per dept: eng 2, ops 2, null 1; floors above 1 are 3 and 2.
        assertEquals(table(row("eng"), row("ops")), sql("SELECT dept FROM emp GROUP BY dept "
                + "HAVING count(*) IN (SELECT floor FROM dept WHERE floor > 1) ORDER BY dept"));
    }

    @Test
    void nested_inWithAScalarSubquery() {
        assertEquals(table(row("Ann"), row("Bob")), sql("SELECT name FROM emp WHERE dept IN "
                + "(SELECT dept FROM dept WHERE floor = (SELECT max(floor) FROM dept)) ORDER BY name"));
    }

    @Test
    void nested_existsInsideAScalarSubquery_readsAColumnOnlyItUses() {
        // Departments with someone earning more than 70: eng (Ann 100, Bob 80).
        assertEquals(table(row("Ann", 1L)), sql("SELECT name, (SELECT count(*) FROM dept d WHERE EXISTS "
                + "(SELECT * FROM emp r WHERE r.dept = d.dept AND r.salary > 70)) AS rich FROM emp WHERE id = 1"));
    }

    @Test
    void twoScalarSubqueriesInOneSelectList() {
        assertEquals(table(row(1, 50, 100)),
                sql("SELECT id, (SELECT min(salary) FROM emp), (SELECT max(salary) FROM emp) FROM emp WHERE id = 1"));
    }

    // ---- EXISTS / NOT EXISTS -----------------------------------------------------------------

    @Test
    void exists_correlated_sameViewInsideAndOutside() {
        assertEquals(table(row("Ann"), row("Cid")),
                sql("SELECT name FROM emp e WHERE EXISTS (SELECT * FROM emp r WHERE r.manager = e.id) ORDER BY name"));
    }

    @Test
    void notExists_correlated() {
        assertEquals(table(row("Bob"), row("Dee"), row("Eve")), sql(
                "SELECT name FROM emp e WHERE NOT EXISTS (SELECT 1 FROM emp r WHERE r.manager = e.id) ORDER BY name"));
    }

    @Test
    void exists_withANonEqualityCorrelation() {
        // Someone in the same department earns more: Bob (Ann earns 100). Dee's salary is null.
        assertEquals(table(row("Bob")), sql("SELECT name FROM emp e WHERE EXISTS "
                + "(SELECT * FROM emp o WHERE o.dept = e.dept AND o.salary > e.salary) ORDER BY name"));
    }

    @Test
    void exists_uncorrelated_emptyAndNot() {
        assertEquals(List.of(), sql("SELECT id FROM emp WHERE EXISTS (SELECT * FROM dept WHERE floor > 10)"));
        assertEquals(5, sql("SELECT id FROM emp WHERE NOT EXISTS (SELECT * FROM dept WHERE floor > 10)").size());
        assertEquals(5, sql("SELECT id FROM emp WHERE EXISTS (SELECT * FROM dept)").size());
    }

    // ---- scalar subqueries ---------------------------------------------------------------------

    @Test
    void scalar_inWhere() {
        // avg(salary) over 100, 80, 60, 50 is 72.5.
        assertEquals(table(row("Ann"), row("Bob")),
                sql("SELECT name FROM emp WHERE salary > (SELECT avg(salary) FROM emp) ORDER BY name"));
    }

    @Test
    void scalar_inSelect() {
        assertEquals(table(row(1, 50), row(2, 30), row(3, 10), row(4, null), row(5, 0)),
                sql("SELECT id, salary - (SELECT min(salary) FROM emp) AS above FROM emp ORDER BY id"));
    }

    @Test
    void scalar_inHaving() {
        // Sums per dept: eng 180, ops 60, null 50; the average salary is 72.5.
        assertEquals(table(row("eng", 180L)), sql("SELECT dept, sum(salary) FROM emp GROUP BY dept "
                + "HAVING sum(salary) > (SELECT avg(salary) FROM emp)"));
    }

    @Test
    void scalar_correlated_inSelect_nullWhereNoGroupMatches() {
        assertEquals(table(row(1, 100), row(2, 100), row(3, 60), row(4, 60), row(5, null)), sql(
                "SELECT id, (SELECT max(salary) FROM emp m WHERE m.dept = e.dept) AS top FROM emp e ORDER BY id"));
    }

    @Test
    void scalar_correlated_inWhere() {
        assertEquals(table(row("Ann"), row("Cid")), sql("SELECT name FROM emp e "
                + "WHERE salary = (SELECT max(salary) FROM emp m WHERE m.dept = e.dept) ORDER BY name"));
    }

    @Test
    void scalar_correlatedCount_isZeroWhereNothingMatches() {
        // Reports per employee: Ann 2, Cid 1, the others none (0, not null).
        assertEquals(table(row(1, 2L), row(2, 0L), row(3, 1L), row(4, 0L), row(5, 0L)), sql(
                "SELECT id, (SELECT count(*) FROM emp r WHERE r.manager = e.id) AS reports FROM emp e ORDER BY id"));
    }

    @Test
    void scalar_correlatedExpressionOverAnAggregate() {
        assertEquals(table(row(1, new BigDecimal("0.5")), row(3, new BigDecimal("0.5"))), sql(
                "SELECT id, (SELECT 0.5 * count(*) FROM emp r WHERE r.manager = e.id AND r.id <> 2) AS half "
                        + "FROM emp e WHERE id IN (1, 3) ORDER BY id"));
    }

    @Test
    void scalar_noRow_isNull() {
        assertEquals(table(row((Object) null)), sql("SELECT (SELECT salary FROM emp WHERE id = 99) AS s"));
    }

    @Test
    void scalar_correlatedWithoutAggregate_oneRowPerOuterRow() {
        // Reports other than Bob: Ann -> Cid, Cid -> Dee.
        assertEquals(table(row(1, 3), row(2, null), row(3, 4), row(4, null), row(5, null)), sql(
                "SELECT id, (SELECT r.id FROM emp r WHERE r.manager = e.id AND r.id <> 2) AS report FROM emp e ORDER BY id"));
    }

    @Test
    void scalar_moreThanOneRow_failsNamingTheSubquery() {
        Throwable e = assertThrows(RuntimeException.class, () -> sql("SELECT name, (SELECT dept FROM dept) FROM emp"));
        String messages = messages(e);
        assertTrue(messages.contains("[SCALAR_SUBQUERY_TOO_MANY_ROWS]"), messages);
        assertTrue(messages.contains("(SELECT dept FROM dept)"), messages);
    }

    @Test
    void scalar_correlated_moreThanOneRowForARow_fails() {
        Throwable e = assertThrows(RuntimeException.class,
                () -> sql("SELECT id, (SELECT r.id FROM emp r WHERE r.manager = e.id) FROM emp e"));
        assertTrue(messages(e).contains("[SCALAR_SUBQUERY_TOO_MANY_ROWS]"), messages(e));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    // ---- plans -----------------------------------------------------------------------------------

    @Test
    void explain_showsTheRewrittenJoins() {
        String exists = spark.sql("SELECT name FROM emp e WHERE EXISTS (SELECT * FROM emp r WHERE r.manager = e.id) "
                + "AND id NOT IN (SELECT floor FROM dept)").optimizedPlanString();
        assertTrue(exists.contains("Join LeftSemi"), exists);
        assertTrue(exists.contains("Join LeftAnti"), exists);
        assertFalse(exists.contains("exists("), exists);
        String scalar = spark.sql("SELECT id, (SELECT max(salary) FROM emp m WHERE m.dept = e.dept) FROM emp e")
                .optimizedPlanString();
        assertTrue(scalar.contains("Join LeftOuter"), scalar);
        assertTrue(scalar.contains("Aggregate"), scalar);
        assertFalse(scalar.contains("scalar-subquery"), scalar);
        assertFalse(scalar.contains("matched"), scalar);
    }

    @Test
    void uncorrelatedNotIn_isAHashAntiJoin_plusChecksAgainstOneRow() {
        String plan = spark.sql("SELECT id FROM emp WHERE manager NOT IN (SELECT manager FROM emp WHERE id > 1)")
                .explainString(false);
        assertTrue(plan.matches("(?s).*(BroadcastHashJoin|SortMergeJoin) \\[[^]]*\\], \\[[^]]*\\], LeftAnti.*"), plan);
        assertFalse(plan.contains("OR isnull"), plan);
        assertTrue(plan.contains("CollectLimit 1"), plan);
    }

    // ---- refused -----------------------------------------------------------------------------------

    @Test
    void scalarSubqueryWithTwoColumns_isRefused() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT id FROM emp WHERE salary > (SELECT min(salary), max(salary) FROM emp)"));
        assertTrue(e.getMessage().contains("[INVALID_SUBQUERY_EXPRESSION] Scalar subquery must return only one column, "
                + "but got 2"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, column 35"), e.getMessage());
    }

    @Test
    void existsOutsideAConjunct_isRefused() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT id FROM emp WHERE id = 1 OR EXISTS (SELECT * FROM dept)"));
        assertTrue(e.getMessage().contains("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY] EXISTS and IN subqueries are "
                + "supported only as conjuncts of a WHERE or HAVING condition"), e.getMessage());
        AnalysisException select = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT id IN (SELECT floor FROM dept) FROM emp"));
        assertTrue(select.getMessage().contains("not in the SELECT list"), select.getMessage());
    }

    @Test
    void subqueryInAJoinCondition_isRefused() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql(
                "SELECT name FROM emp JOIN dept ON emp.dept = dept.dept AND floor = (SELECT max(floor) FROM dept)"));
        assertTrue(e.getMessage().contains("[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY] Subqueries are not supported in "
                + "a JOIN condition"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, column 35"), e.getMessage());
    }

    @Test
    void columnOfAQueryTwoLevelsOut_isRefused() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql("SELECT name FROM emp e WHERE EXISTS "
                + "(SELECT * FROM dept d WHERE d.dept = e.dept AND EXISTS (SELECT * FROM emp r WHERE r.manager = e.id))"));
        assertTrue(e.getMessage().contains("The subquery reads `e.id`, a column of a query two or more levels out"),
                e.getMessage());
    }

    @Test
    void scalarSubqueryInsideAnAggregate_isRefused() {
        Exception e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT sum(salary + (SELECT max(floor) FROM dept)) FROM emp").collectAsList());
        assertTrue(e.getMessage().contains("A scalar subquery is supported in the SELECT list, WHERE and HAVING, not in "
                + "Aggregate"), e.getMessage());
    }

    @Test
    void correlatedNonEqualityBelowAnAggregate_isRefused() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql(
                "SELECT id, (SELECT count(*) FROM emp o WHERE o.salary > e.salary) FROM emp e").collectAsList());
        assertTrue(e.getMessage().contains("A correlated predicate below an aggregate must be an equality, but found "
                + "(salary > salary)"), e.getMessage());
    }
}
