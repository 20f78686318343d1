package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.columns;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.types.DataTypes;
import io.vavr.Function1;
import io.vavr.Function2;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CASE, CAST, IN, BETWEEN, LIKE, IS [NOT] NULL, literals, built-in functions and UDFs. */
class SqlExpressionsTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void caseWhen_searched() {
        assertEquals(table(row("high"), row("high"), row("mid"), row("low"), row("low")),
                sql("SELECT CASE WHEN salary >= 80 THEN 'high' WHEN salary >= 60 THEN 'mid' ELSE 'low' END "
                        + "FROM emp ORDER BY id"));
    }

    @Test
    void caseWhen_simpleWithoutElse() {
        assertEquals(table(row(1), row(1), row(2), row(2), row((Object) null)),
                sql("SELECT CASE dept WHEN 'eng' THEN 1 WHEN 'ops' THEN 2 END FROM emp ORDER BY id"));
    }

    @Test
    void cast() {
        assertEquals(table(row(20.0, 13, "3", new BigDecimal("60.00"), 60L)),
                sql("SELECT CAST(salary AS DOUBLE) / 3, CAST('12' AS INT) + 1, CAST(id AS STRING), "
                        + "CAST(salary AS DECIMAL(10,2)), salary::bigint FROM emp WHERE id = 3"));
        assertEquals(table(row(java.sql.Date.valueOf("2024-03-05"))), sql("SELECT CAST('2024-03-05' AS DATE)"));
    }

    @Test
    void in_andNotIn() {
        assertEquals(table(row(3), row(4)), sql("SELECT id FROM emp WHERE dept IN ('ops', 'hr') ORDER BY id"));
        assertEquals(table(row(1), row(2)), sql("SELECT id FROM emp WHERE dept NOT IN ('ops') ORDER BY id"));
    }

    @Test
    void between_andNotBetween() {
        assertEquals(table(row(2), row(3)), sql("SELECT id FROM emp WHERE salary BETWEEN 60 AND 80 ORDER BY id"));
        assertEquals(table(row(1), row(5)), sql("SELECT id FROM emp WHERE salary NOT BETWEEN 60 AND 80 ORDER BY id"));
    }

    @Test
    void like_notLike_rlike() {
        assertEquals(table(row("Bob")), sql("SELECT name FROM emp WHERE name LIKE '_o%'"));
        assertEquals(table(row("Bob"), row("Cid"), row("Dee"), row("Eve")),
                sql("SELECT name FROM emp WHERE name NOT LIKE 'A%' ORDER BY name"));
        assertEquals(table(row("Cid"), row("Dee")), sql("SELECT name FROM emp WHERE name RLIKE '^[CD]' ORDER BY name"));
        assertEquals(table(row("Ann")), sql("SELECT name FROM emp WHERE name ILIKE 'a%'"));
    }

    @Test
    void isNull_andIsNotNull() {
        assertEquals(table(row(1), row(5)), sql("SELECT id FROM emp WHERE manager IS NULL ORDER BY id"));
        assertEquals(table(row(2), row(3), row(4)), sql("SELECT id FROM emp WHERE manager IS NOT NULL ORDER BY id"));
    }

    @Test
    void isTrue_andIsNotFalse() {
        assertEquals(table(row(1), row(2)), sql("SELECT id FROM emp WHERE (salary > 70) IS TRUE ORDER BY id"));
        assertEquals(table(row(1), row(2), row(4)), sql("SELECT id FROM emp WHERE (salary > 70) IS NOT FALSE ORDER BY id"));
    }

    @Test
    void literals() {
        DataFrame df = spark.sql("SELECT 1, 3000000000, 1.5, 2e1, 'it''s', TRUE, NULL, DATE '2024-01-31', -7, -2.5");
        assertEquals(table(row(1, 3_000_000_000L, new BigDecimal("1.5"), 20.0, "it's", true, null,
                java.sql.Date.valueOf("2024-01-31"), -7, new BigDecimal("-2.5"))), rows(df));
    }

    @Test
    void doubleQuotedText_isAString() {
        assertEquals(table(row("Ann", "x")), sql("SELECT name, \"x\" FROM emp WHERE id = 1"));
    }

    @Test
    void backquotedIdentifiers() {
        spark.sql("SELECT id AS `my id`, name FROM emp").createOrReplaceTempView("spaced");
        assertEquals(table(row(2)), sql("SELECT `my id` FROM spaced WHERE name = 'Bob'"));
        assertEquals(table(row(2)), sql("SELECT s.`my id` FROM spaced s WHERE s.name = 'Bob'"));
    }

    @Test
    void arithmeticAndComparisons() {
        assertEquals(table(row(7, 1, 0.5, 1, true, true, false)),
                sql("SELECT 3 + 4, 3 - 2, 1 / 2, 7 % 3, 1 <> 2, NULL <=> NULL, 1 != 1"));
    }

    @Test
    void builtInFunctions() {
        assertEquals(table(row("Ann-eng", 3, "An", 100, 33.3, 2024, "ann", "x")),
                sql("SELECT concat(name, '-', dept), length(name), substr(name, 1, 2), coalesce(salary, 0), "
                        + "round(salary / 3, 1), year(DATE '2024-03-05'), lower(name), trim('  x') FROM emp WHERE id = 1"));
        assertEquals(table(row(0), row(0)), sql("SELECT coalesce(salary, 0) FROM emp WHERE id = 4 UNION ALL "
                + "SELECT nvl(salary, 0) FROM emp WHERE id = 4"));
        assertEquals(table(row(2024, 3, 5)), sql("SELECT EXTRACT(YEAR FROM d), EXTRACT(MONTH FROM d), day(d) "
                + "FROM (SELECT DATE '2024-03-05' AS d)"));
    }

    @Test
    void stringConcatenationOperator() {
        assertEquals(table(row("Ann!")), sql("SELECT name || '!' FROM emp WHERE id = 1"));
    }

    @Test
    void registeredUdfs_areCallableByName() {
        spark.udf().register("plus_one", (Function1<Integer, Integer>) x -> x == null ? null : x + 1,
                DataTypes.IntegerType);
        spark.udf().register("greet", (Function2<String, String, String>) (a, b) -> a + ", " + b,
                DataTypes.StringType);
        DataFrame df = spark.sql("SELECT plus_one(id), greet('hi', name) AS g FROM emp WHERE id <= 2 ORDER BY id");
        assertEquals(List.of("plus_one(id)", "g"), columns(df));
        assertEquals(table(row(2, "hi, Ann"), row(3, "hi, Bob")), rows(df));
    }
}
