package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.columns;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.rdd.StorageLevel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The commands {@code spark.sql} runs besides queries, each checked by its effect on the session
 * (views, cache, settings) and by the DataFrame it returns, shaped like Spark's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlStatementsTest {
    private static final String[] VIEWS = {"st_v", "st_w", "st_cached", "st_empty"};
    private EmberSession spark;

    @BeforeEach
    void views() {
        spark = SqlFixtures.session();
    }

    @AfterEach
    void dropViews() {
        for (String v : VIEWS) {
            if (spark.catalog().tableExists(v)) {
                spark.table(v).unpersist(true);
            }
            spark.catalog().dropTempView(v);
        }
        spark.conf().set("ember.sql.shuffle.partitions", 3);
    }

    private List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void createTemporaryView_thenQueryIt() {
        DataFrame result = spark.sql("CREATE TEMPORARY VIEW st_v AS SELECT id, salary FROM emp WHERE salary > 60");
        assertEquals(List.of(), columns(result));
        assertEquals(List.of(), rows(result));
        assertEquals(table(row(1, 100), row(2, 80)), sql("SELECT * FROM st_v ORDER BY id"));
        AnalysisException exists = assertThrows(AnalysisException.class,
                () -> spark.sql("CREATE TEMP VIEW st_v AS SELECT 1"));
        assertTrue(exists.getMessage().startsWith("[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS]"), exists.getMessage());
        spark.sql("create or replace temporary view st_v as select name from emp where salary is null");
        assertEquals(table(row("Dee")), sql("SELECT * FROM st_v"));
    }

    @Test
    void createViewOfAnEmptyResult() {
        spark.sql("CREATE TEMPORARY VIEW st_empty AS SELECT * FROM emp WHERE id > 100");
        assertEquals(List.of(), sql("SELECT * FROM st_empty"));
        assertEquals(table(row(0L)), sql("SELECT count(*) FROM st_empty"));
    }

    @Test
    void dropView() {
        spark.sql("CREATE TEMPORARY VIEW st_v AS SELECT 1 AS one");
        assertEquals(List.of(), rows(spark.sql("DROP VIEW st_v")));
        assertFalse(spark.catalog().tableExists("st_v"));
        spark.sql("DROP VIEW IF EXISTS st_v");
        AnalysisException missing = assertThrows(AnalysisException.class, () -> spark.sql("DROP VIEW st_v"));
        assertTrue(missing.getMessage().startsWith("[TABLE_OR_VIEW_NOT_FOUND] The view `st_v` cannot be found"),
                missing.getMessage());
    }

    @Test
    void cacheAndUncacheTable() {
        spark.sql("CREATE TEMPORARY VIEW st_cached AS SELECT dept, count(*) AS n FROM emp GROUP BY dept");
        assertEquals(List.of(), rows(spark.sql("CACHE TABLE st_cached")));
        assertEquals(StorageLevel.MEMORY_AND_DISK, spark.table("st_cached").storageLevel());
        assertEquals(table(row(null, 1L), row("eng", 2L), row("ops", 2L)), sql("SELECT * FROM st_cached ORDER BY dept"));
        spark.sql("UNCACHE TABLE st_cached");
        assertEquals(StorageLevel.NONE, spark.table("st_cached").storageLevel());
        spark.sql("UNCACHE TABLE IF EXISTS no_such_view");
        assertThrows(AnalysisException.class, () -> spark.sql("UNCACHE TABLE no_such_view"));
    }

    @Test
    void cacheLazyTableAsQuery_createsTheView() {
        spark.sql("CACHE LAZY TABLE st_cached AS SELECT id FROM emp WHERE dept = 'eng'");
        assertTrue(spark.table("st_cached").isCached());
        assertEquals(table(row(1), row(2)), sql("SELECT id FROM st_cached ORDER BY id"));
    }

    @Test
    void setShowsAndChangesSettings() {
        DataFrame set = spark.sql("SET spark.sql.shuffle.partitions = 7");
        assertEquals(List.of("key", "value"), columns(set));
        assertEquals(table(row("spark.sql.shuffle.partitions", "7")), rows(set));
        assertEquals("7", spark.conf().get("ember.sql.shuffle.partitions"));
        assertEquals(table(row("ember.sql.shuffle.partitions", "7")), sql("SET ember.sql.shuffle.partitions"));
        assertEquals(table(row("ember.sql.shuffle.partitions", "5")), sql("SET ember.sql.shuffle.partitions='5';"));
        assertEquals(table(row("ember.sql.no.such", "<undefined>")), sql("SET ember.sql.no.such"));
        assertTrue(sql("SET").contains(row("ember.sql.shuffle.partitions", "5")));
        AnalysisException bad = assertThrows(AnalysisException.class,
                () -> spark.sql("SET spark.sql.shuffle.partitions = none"));
        assertTrue(bad.getMessage().startsWith("[INVALID_CONF_VALUE] Setting 'ember.sql.shuffle.partitions' must be "
                + "a positive integer"), bad.getMessage());
    }

    @Test
    void showTables() {
        spark.sql("CREATE TEMPORARY VIEW st_v AS SELECT 1 AS one");
        spark.sql("CREATE TEMPORARY VIEW st_w AS SELECT 2 AS two");
        DataFrame all = spark.sql("SHOW TABLES");
        assertEquals(List.of("namespace", "tableName", "isTemporary"), columns(all));
        assertTrue(rows(all).containsAll(table(row("", "emp", true), row("", "st_v", true), row("", "st_w", true))));
        assertEquals(table(row("", "st_v", true), row("", "st_w", true)), sql("SHOW TABLES LIKE 'st_*'"));
        assertEquals(table(row("", "dept", true), row("", "st_w", true)), sql("SHOW TABLES LIKE 'DEPT|*_w'"));
        assertEquals(List.of(), sql("SHOW TABLES LIKE 'nothing*'"));
    }

    @Test
    void describeTable() {
        DataFrame d = spark.sql("DESCRIBE TABLE emp");
        assertEquals(List.of("col_name", "data_type", "comment"), columns(d));
        assertEquals(table(row("id", "int", null), row("name", "string", null), row("dept", "string", null),
                row("salary", "int", null), row("manager", "int", null)), rows(d));
        assertEquals(table(row("dept", "string", null), row("floor", "int", null)), sql("DESC dept"));
        AnalysisException missing = assertThrows(AnalysisException.class, () -> spark.sql("DESCRIBE nope"));
        assertTrue(missing.getMessage().startsWith("[TABLE_OR_VIEW_NOT_FOUND]"), missing.getMessage());
    }

    @Test
    void explain_andExplainExtended() {
        DataFrame plain = spark.sql("EXPLAIN SELECT dept, count(*) FROM emp GROUP BY dept");
        assertEquals(List.of("plan"), columns(plain));
        String text = (String) rows(plain).get(0).get(0);
        assertTrue(text.contains("== Physical Plan =="), text);
        assertFalse(text.contains("== Analyzed Logical Plan =="), text);
        String extended = (String) sql("EXPLAIN EXTENDED SELECT id FROM emp WHERE id = 1").get(0).get(0);
        assertTrue(extended.contains("== Analyzed Logical Plan ==") && extended.contains("== Physical Plan =="),
                extended);
    }

    @Test
    void errorsInCommands_nameTheWordAndPosition() {
        ParseException noTable = assertThrows(ParseException.class, () -> spark.sql("CACHE st_v"));
        assertTrue(noTable.getMessage().startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'st_v': expected "
                + "TABLE: line 1, column 7."), noTable.getMessage());
        ParseException global = assertThrows(ParseException.class,
                () -> spark.sql("CREATE GLOBAL TEMPORARY VIEW g AS SELECT 1"));
        assertTrue(global.getMessage().startsWith("[UNSUPPORTED_SQL_SYNTAX] GLOBAL TEMPORARY VIEW"), global.getMessage());
        assertEquals(8, global.column());
        ParseException persistent = assertThrows(ParseException.class,
                () -> spark.sql("CREATE VIEW p AS SELECT 1"));
        assertTrue(persistent.getMessage().contains("only CREATE [OR REPLACE] TEMPORARY VIEW"), persistent.getMessage());
        ParseException inQuery = assertThrows(ParseException.class,
                () -> spark.sql("EXPLAIN\nSELECT id FRM emp"));
        assertEquals(2, inQuery.line());
        assertEquals(15, inQuery.column());
        assertTrue(inQuery.getMessage().contains("EXPLAIN\nSELECT id FRM emp"), "the SQL shown is the text written");
        ParseException formatted = assertThrows(ParseException.class,
                () -> spark.sql("EXPLAIN FORMATTED SELECT 1"));
        assertTrue(formatted.getMessage().startsWith("[UNSUPPORTED_SQL_SYNTAX] EXPLAIN FORMATTED"),
                formatted.getMessage());
    }
}
