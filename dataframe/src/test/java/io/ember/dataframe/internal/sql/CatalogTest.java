package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.CatalogTable;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Temporary views and the catalog: creating, replacing, listing with schemas, looking up and dropping. */
class CatalogTest {
    private static EmberSession spark;

    @BeforeAll
    static void session() {
        spark = SqlTestSession.get();
    }

    @Test
    void createOrReplaceTempView_thenQuery() {
        SqlFixtures.dept(spark).createOrReplaceTempView("cat_dept");
        assertEquals(table(row(3L)), rows(spark.sql("SELECT count(*) FROM cat_dept")));
        SqlFixtures.emp(spark).createOrReplaceTempView("cat_dept");
        assertEquals(table(row(5L)), rows(spark.sql("SELECT count(*) FROM cat_dept")));
    }

    @Test
    void createTempView_refusesAnExistingName() {
        SqlFixtures.dept(spark).createTempView("cat_once");
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> SqlFixtures.emp(spark).createTempView("CAT_ONCE"));
        assertTrue(e.getMessage().contains("[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS]") && e.getMessage().contains("CAT_ONCE"),
                e.getMessage());
        assertEquals(3, spark.table("cat_once").count());
    }

    @Test
    void listTables_givesNamesAndSchemas() {
        SqlFixtures.dept(spark).createOrReplaceTempView("cat_listed");
        CatalogTable t = spark.catalog().listTables().stream().filter(x -> x.name().equals("cat_listed"))
                .findFirst().orElseThrow();
        assertEquals(new StructType().add("dept", DataTypes.StringType).add("floor", DataTypes.IntegerType), t.schema());
        assertTrue(t.isTemporary());
        assertEquals("TEMPORARY", t.tableType());
        List<String> names = spark.catalog().listTables().stream().map(CatalogTable::name).toList();
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
    }

    @Test
    void listColumns() {
        SqlFixtures.emp(spark).createOrReplaceTempView("cat_cols");
        List<StructField> cols = spark.catalog().listColumns("CAT_COLS");
        assertEquals(List.of("id", "name", "dept", "salary", "manager"), cols.stream().map(StructField::name).toList());
        assertEquals(DataTypes.IntegerType, cols.get(0).dataType());
    }

    @Test
    void tableAndDropTempView() {
        SqlFixtures.dept(spark).createOrReplaceTempView("cat_drop");
        assertTrue(spark.catalog().tableExists("cat_drop"));
        DataFrame t = spark.table("cat_drop");
        assertEquals(table(row(3)), rows(t.filter(t.col("cat_drop.dept").equalTo("eng")).select("floor")));
        assertTrue(spark.catalog().dropTempView("Cat_Drop"));
        assertFalse(spark.catalog().dropTempView("cat_drop"));
        assertFalse(spark.catalog().tableExists("cat_drop"));
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql("SELECT * FROM cat_drop"));
        assertTrue(e.getMessage().contains("[TABLE_OR_VIEW_NOT_FOUND]"), e.getMessage());
    }

    @Test
    void table_unknownName_suggestsViews() {
        SqlFixtures.dept(spark).createOrReplaceTempView("cat_departments");
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.table("cat_departmnts"));
        assertTrue(e.getMessage().contains("`cat_departments`"), e.getMessage());
    }

    @Test
    void viewName_mustBeOneIdentifier() {
        assertThrows(AnalysisException.class, () -> SqlFixtures.dept(spark).createOrReplaceTempView("db.x"));
        assertThrows(AnalysisException.class, () -> SqlFixtures.dept(spark).createOrReplaceTempView(" "));
    }

    @Test
    void aViewOfASqlResult_canBeQueriedAgain() {
        SqlFixtures.emp(spark).createOrReplaceTempView("cat_emp");
        spark.sql("SELECT dept, sum(salary) AS total FROM cat_emp GROUP BY dept").createOrReplaceTempView("cat_totals");
        assertEquals(table(row("eng")), rows(spark.sql("SELECT dept FROM cat_totals WHERE total > 100")));
    }

    @Test
    void cachedView_isReadFromTheCache() {
        DataFrame d = SqlFixtures.dept(spark);
        d.cache();
        d.createOrReplaceTempView("cat_cached");
        DataFrame q = spark.sql("SELECT floor FROM cat_cached WHERE dept = 'hr'");
        assertTrue(q.explainString(false).contains("InMemory"), q.explainString(false));
        assertEquals(table(row(2)), rows(q));
        d.unpersist();
    }
}
