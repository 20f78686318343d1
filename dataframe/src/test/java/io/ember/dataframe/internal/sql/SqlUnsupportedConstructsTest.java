package io.ember.dataframe.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.EmberSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each construct Ember's SQL does not support fails with an error that names it, and the line
 * and column where it stands ({@link ParseException#line()}, {@link ParseException#column()}).
 * Queries use {@code |} for a line break, so that positions on later lines are checked too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlUnsupportedConstructsTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "SELECT *|FROM emp TABLESAMPLE (10 PERCENT); [PARSE_SYNTAX_ERROR] Syntax error at or near 'TABLESAMPLE'; 2; 10",
        "SELECT * FROM emp|UNPIVOT (v FOR k IN (salary, manager)); [UNSUPPORTED_SQL_SYNTAX] UNPIVOT and "
                + "TABLESAMPLE; 1; 15",
        "SELECT * EXCEPT (id) FROM emp; [UNSUPPORTED_SQL_SYNTAX] SELECT * EXCEPT / REPLACE; 1; 8",
        "WITH|  RECURSIVE r AS (SELECT 1 AS n) SELECT * FROM r; [UNSUPPORTED_SQL_SYNTAX] WITH RECURSIVE; 2; 3",
        "SELECT id|FROM emp|WHERE id > interval salary day; [UNSUPPORTED_SQL_SYNTAX] An interval whose value is "
                + "not a number or string literal; 3; 12",
        "SELECT id FROM emp|  SEMI JOIN dept ON emp.dept = dept.dept; [UNSUPPORTED_SQL_SYNTAX] SEMI JOIN without "
                + "LEFT; 2; 3",
        "CREATE GLOBAL TEMPORARY VIEW g AS SELECT 1; [UNSUPPORTED_SQL_SYNTAX] GLOBAL TEMPORARY VIEW; 1; 8",
        "CREATE TEMPORARY VIEW v AS SELECT 1 FROM emp|SEMI JOIN dept ON 1 = 1; [UNSUPPORTED_SQL_SYNTAX] SEMI JOIN "
                + "without LEFT; 2; 1",
        "CREATE TEMPORARY VIEW v (a) AS SELECT 1; [UNSUPPORTED_SQL_SYNTAX] A column list in CREATE VIEW; 1; 25",
        "DESCRIBE EXTENDED emp; [UNSUPPORTED_SQL_SYNTAX] DESCRIBE EXTENDED; 1; 10",
        "EXPLAIN|CODEGEN SELECT 1; [UNSUPPORTED_SQL_SYNTAX] EXPLAIN CODEGEN; 2; 1",
        "SELECT id FROM emp|LATERAL VIEW explode(array(1)) t AS x; [UNSUPPORTED_SQL_SYNTAX] TOP, FIRST, SKIP, INTO, "
                + "QUALIFY, LATERAL VIEW; 1; 1",
        "INSERT INTO emp VALUES (6, 'Fay', 'hr', 1, 1); [UNSUPPORTED_STATEMENT] Only queries; 1; 1",
        "DROP TABLE db.emp; [UNSUPPORTED_SQL_SYNTAX] A qualified name; 1; 14",
    })
    void unsupportedConstruct_isNamedWithItsPosition(String query, String message, int line, int column) {
        String sql = query.replace('|', '\n');
        ParseException e = assertThrows(ParseException.class, () -> spark.sql(sql));
        assertTrue(e.getMessage().startsWith(message.strip()), e.getMessage());
        String shown = e.getMessage().substring(e.getMessage().indexOf("== SQL ==\n") + 10);
        assertEquals(List.of(sql.split("\n")), shown.lines().filter(l -> !l.strip().matches("\\^+")).toList(),
                "the message shows the text as written");
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "SELECT interval 1 day; [UNSUPPORTED_FEATURE.INTERVAL_COLUMN]; line 1, column 8",
        "SELECT id|FROM emp WHERE salary * interval 1 day > 0; [DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE]; line 2, "
                + "column 16",
    })
    void unsupportedUseOfAnInterval_isNamedWithItsPosition(String query, String message, String position) {
        String sql = query.replace('|', '\n');
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql(sql));
        assertTrue(e.getMessage().startsWith(message.strip()), e.getMessage());
        assertTrue(e.getMessage().endsWith(position.strip()), e.getMessage());
    }
}
