package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.EmberSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Direct file queries: {@code SELECT ... FROM parquet.`path`} and {@code csv.`path`}. */
class SqlFileQueryTest {
    @TempDir
    static Path dir;
    private static EmberSession spark;
    private static String parquet;
    private static String csv;

    @BeforeAll
    static void files() {
        spark = SqlFixtures.session();
        parquet = dir.resolve("emp.parquet").toString();
        csv = dir.resolve("emp csv").toString();
        SqlFixtures.emp(spark).write().parquet(parquet);
        SqlFixtures.emp(spark).write().csv(csv);
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void parquet() {
        assertEquals(table(row(5L, 290L)), sql("SELECT count(*), sum(salary) FROM parquet.`" + parquet + "`"));
        assertEquals(table(row("Bob")), sql("SELECT p.name FROM parquet.`" + parquet + "` p WHERE p.id = 2"));
    }

    @Test
    void csv_readsWithDefaultOptions() {
        assertEquals(table(row("Cid")), sql("SELECT _c1 FROM csv.`" + csv + "` WHERE _c0 = '3'"));
        assertEquals(table(row("Cid")), sql("SELECT _c1 FROM CSV.`" + csv + "` AS c WHERE c._c0 = '3'"));
    }

    @Test
    void filesJoinViews() {
        assertEquals(table(row("Ann", 3), row("Bob", 3)),
                sql("SELECT f.name, d.floor FROM parquet.`" + parquet + "` f JOIN dept d ON f.dept = d.dept "
                        + "WHERE d.dept = 'eng' ORDER BY f.id"));
    }

    @Test
    void fileQuery_prunesColumnsDownToTheReader() {
        String plan = spark.sql("SELECT name FROM parquet.`" + parquet + "` WHERE id > 3").explainString(false);
        assertTrue(plan.contains("ReadSchema: struct<id:int,name:string>"), plan);
    }

    @Test
    void windowsOverAFile_readOnlyTheColumnsNeeded() {
        String plan = spark.sql("SELECT name, rn FROM (SELECT name, salary, sum(salary) OVER () AS total, "
                + "row_number() OVER (PARTITION BY dept ORDER BY id) AS rn FROM parquet.`" + parquet + "`)")
                .explainString(false);
        assertTrue(plan.contains("ReadSchema: struct<id:int,name:string,dept:string>"), plan);
        assertTrue(!plan.contains("sum(salary"), plan);
    }

    @Test
    void errorAfterAFileQuery_pointsAtTheUserText() {
        String query = "SELECT _c0 FROM csv.`" + csv + "` c WHERE c._c0 = = 1";
        ParseException e = assertThrows(ParseException.class, () -> spark.sql(query));
        String near = e.getMessage().replaceAll("(?s).*at or near '([^']*)'.*", "$1");
        assertTrue(query.substring(e.column() - 1).startsWith(near), e.getMessage());
        assertTrue(e.column() > query.indexOf("WHERE"), e.getMessage());
    }

    @Test
    void missingFile_isReported() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> spark.sql("SELECT * FROM parquet.`" + dir.resolve("nothing-here") + "`"));
        assertTrue(e.getMessage().contains("nothing-here"), e.getMessage());
    }
}
