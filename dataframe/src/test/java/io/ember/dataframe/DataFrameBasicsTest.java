package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFrameBasicsTest {
    private final EmberSession spark = TestSession.get();

    private DataFrame people() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false).add("name", "string")
                .add("age", DataTypes.IntegerType).add("salary", "double");
        return spark.createDataFrame(List.of(
                RowFactory.create(1, "Alice", 34, 5000.0),
                RowFactory.create(2, "Bob", null, 4000.0),
                RowFactory.create(3, "Carol", 29, null),
                RowFactory.create(4, "Dan", 41, 6500.5)), schema);
    }

    // ---- schemas ---------------------------------------------------------------------------------

    @Test
    void schema_threeWaysAgree() {
        StructType a = DataTypes.createStructType(List.of(
                DataTypes.createStructField("VendorID", DataTypes.IntegerType, true),
                DataTypes.createStructField("fare_amount", DataTypes.DoubleType, true)));
        StructType b = new StructType().add("VendorID", DataTypes.IntegerType).add("fare_amount", DataTypes.DoubleType);
        StructType c = StructType.fromDDL("VendorID INT, fare_amount DOUBLE");
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals("VendorID INT,fare_amount DOUBLE", c.toDDL());
    }

    @Test
    void ddl_allTypes() {
        StructType s = StructType.fromDDL("b BOOLEAN, i INT, l BIGINT, d DOUBLE, m DECIMAL(10,2) NOT NULL, s STRING, "
                + "dt DATE, ts TIMESTAMP, bin BINARY, arr ARRAY<STRING>");
        assertEquals(new DecimalType(10, 2), s.apply("m").dataType());
        assertFalse(s.apply("m").nullable());
        assertEquals("struct<b:boolean,i:int,l:bigint,d:double,m:decimal(10,2),s:string,dt:date,ts:timestamp,"
                + "bin:binary,arr:array<string>>", s.simpleString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StructType.fromDDL("a WIBBLE"));
        assertTrue(e.getMessage().contains("WIBBLE"), e.getMessage());
    }

    @Test
    void printSchema_sparkTreeFormat() {
        StructType s = StructType.fromDDL("id INT NOT NULL, name STRING, price DECIMAL(10,2), tags ARRAY<STRING>");
        assertEquals("root\n"
                + " |-- id: integer (nullable = false)\n"
                + " |-- name: string (nullable = true)\n"
                + " |-- price: decimal(10,2) (nullable = true)\n"
                + " |-- tags: array (nullable = true)\n"
                + " |    |-- element: string (containsNull = true)\n", s.treeString());
    }

    @Test
    void columnsAndSchema() {
        DataFrame df = people();
        assertArrayEquals(new String[] {"id", "name", "age", "salary"}, df.columns());
        assertEquals(new StructField("id", DataTypes.IntegerType, false), df.schema().apply(0));
        assertEquals("[id: int, name: string, age: int, salary: double]", df.toString());
    }

    // ---- show ----------------------------------------------------------------------------------

    @Test
    void show_exactSparkLayout() {
        assertEquals(""
                + "+---+-----+----+------+\n"
                + "| id| name| age|salary|\n"
                + "+---+-----+----+------+\n"
                + "|  1|Alice|  34|5000.0|\n"
                + "|  2|  Bob|null|4000.0|\n"
                + "|  3|Carol|  29|  null|\n"
                + "|  4|  Dan|  41|6500.5|\n"
                + "+---+-----+----+------+\n", people().showString(20, 20));
    }

    @Test
    void show_topRowsAndTruncation() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create("a very long string that is cut"),
                RowFactory.create("x")), StructType.fromDDL("s STRING"));
        assertEquals(""
                + "+--------------------+\n"
                + "|                   s|\n"
                + "+--------------------+\n"
                + "|a very long strin...|\n"
                + "+--------------------+\n"
                + "only showing top 1 row\n", df.showString(1, 20));
        assertEquals(""
                + "+------------------------------+\n"
                + "|s                             |\n"
                + "+------------------------------+\n"
                + "|a very long string that is cut|\n"
                + "|x                             |\n"
                + "+------------------------------+\n", df.showString(20, 0));
    }

    @Test
    void show_emptyAndTypes() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(LocalDate.of(2021, 1, 2),
                Instant.parse("2021-01-02T03:04:05.120Z"), new BigDecimal("1.50"), true)),
                StructType.fromDDL("d DATE, t TIMESTAMP, m DECIMAL(5,2), b BOOLEAN"));
        assertEquals(""
                + "+----------+----------------------+----+----+\n"
                + "|         d|                     t|   m|   b|\n"
                + "+----------+----------------------+----+----+\n"
                + "|2021-01-02|2021-01-02 03:04:05.12|1.50|true|\n"
                + "+----------+----------------------+----+----+\n", df.showString(20, 25));
        assertEquals("+---+\n|  a|\n+---+\n+---+\n",
                spark.createDataFrame(List.of(), StructType.fromDDL("a INT")).showString(20, 20));
    }

    // ---- rows ----------------------------------------------------------------------------------

    @Test
    void row_gettersAndNulls() {
        Row r = people().filter(col("id").equalTo(2)).first();
        assertEquals(4, r.size());
        assertEquals(2, r.getInt(0));
        assertEquals("Bob", r.getString(1));
        assertEquals("Bob", r.<String>getAs("name"));
        assertTrue(r.isNullAt(2));
        assertThrows(NullPointerException.class, () -> r.getInt(2));
        assertEquals(4000.0, r.getDouble(3));
        assertEquals("[2,Bob,null,4000.0]", r.toString());
        assertEquals(RowFactory.create(2, "Bob", null, 4000.0), r);
    }

    @Test
    void createDataFrame_checksValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spark.createDataFrame(
                List.of(RowFactory.create("not a number")), StructType.fromDDL("n INT")));
        assertTrue(e.getMessage().contains("field n"), e.getMessage());
    }

    public static final class Person {
        private final String name;
        private final int age;

        public Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        public String getName() {
            return name;
        }

        public int getAge() {
            return age;
        }
    }

    public record Trip(int zone, double fare) {
    }

    @Test
    void createDataFrame_fromBeansAndRecords() {
        DataFrame beans = spark.createDataFrame(List.of(new Person("Ann", 30), new Person("Ben", 25)), Person.class);
        assertArrayEquals(new String[] {"age", "name"}, beans.columns());
        assertEquals(List.of(RowFactory.create(25, "Ben")), beans.filter(col("age").lt(28)).collectAsList());
        DataFrame records = spark.createDataFrame(List.of(new Trip(1, 2.5), new Trip(2, 3.5)), Trip.class);
        assertArrayEquals(new String[] {"zone", "fare"}, records.columns());
        assertEquals(6.0, records.agg(sum("fare")).first().getDouble(0));
    }

    @Test
    void range_idColumn() {
        DataFrame r = spark.range(10);
        assertEquals(10, r.count());
        assertEquals(45L, r.agg(sum("id")).first().getLong(0));
        assertEquals(List.of(RowFactory.create(5L), RowFactory.create(7L)),
                spark.range(5, 9, 2).collectAsList());
    }

    // ---- transformations -------------------------------------------------------------------------

    @Test
    void selectWithColumnFilter() {
        DataFrame df = people()
                .withColumn("bonus", col("salary").multiply(2))
                .filter(col("age").geq(30).and(col("salary").isNotNull()))
                .select(col("name"), col("bonus"), col("age").plus(1).as("next"));
        assertEquals(List.of(RowFactory.create("Alice", 10000.0, 35), RowFactory.create("Dan", 13001.0, 42)),
                df.collectAsList());
    }

    @Test
    void autoNames_likeSpark() {
        DataFrame df = people().select(col("age").plus(1), upper(col("name")), col("salary").gt(4500), lit(7));
        assertArrayEquals(new String[] {"(age + 1)", "upper(name)", "(salary > 4500)", "7"}, df.columns());
    }

    @Test
    void withColumnRenamedAndDrop() {
        DataFrame df = people().withColumnRenamed("name", "who").drop("salary", "nope");
        assertArrayEquals(new String[] {"id", "who", "age"}, df.columns());
        assertEquals(df, df.withColumnRenamed("missing", "x").equals(df) ? df : null);
        DataFrame replaced = people().withColumn("age", col("age").multiply(2));
        assertArrayEquals(new String[] {"id", "name", "age", "salary"}, replaced.columns());
        assertEquals(68, replaced.first().getInt(2));
    }

    @Test
    void arithmetic_nullsAndDivision() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(7, 2), RowFactory.create(1, 0),
                RowFactory.create(null, 3)), StructType.fromDDL("a INT, b INT"));
        List<Row> rows = df.select(col("a").plus(col("b")), col("a").minus(col("b")), col("a").multiply(col("b")),
                col("a").divide(col("b")), col("a").mod(col("b"))).collectAsList();
        assertEquals(RowFactory.create(9, 5, 14, 3.5, 1), rows.get(0));
        assertEquals(RowFactory.create(1, 1, 0, null, null), rows.get(1));
        assertEquals(RowFactory.create(null, null, null, null, null), rows.get(2));
        assertEquals(DataTypes.DoubleType, df.select(col("a").divide(col("b"))).schema().apply(0).dataType());
        assertEquals(DataTypes.LongType, df.select(col("a").plus(1L)).schema().apply(0).dataType());
    }

    @Test
    void decimalArithmetic() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(new BigDecimal("1.25"), new BigDecimal("2.50"))),
                StructType.fromDDL("x DECIMAL(5,2), y DECIMAL(5,2)"));
        Row r = df.select(col("x").plus(col("y")), col("x").multiply(col("y")), col("x").plus(1)).first();
        assertEquals(new BigDecimal("3.75"), r.getDecimal(0));
        assertEquals(new BigDecimal("3.1250"), r.getDecimal(1));
        assertEquals(new BigDecimal("2.25"), r.getDecimal(2));
        assertEquals(new DecimalType(6, 2), df.select(col("x").plus(col("y"))).schema().apply(0).dataType());
    }

    @Test
    void threeValuedLogic() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(true, null), RowFactory.create(false, null),
                RowFactory.create(null, null), RowFactory.create(true, false)), StructType.fromDDL("a BOOLEAN, b BOOLEAN"));
        List<Row> rows = df.select(col("a").and(col("b")), col("a").or(col("b")), not(col("a"))).collectAsList();
        assertEquals(RowFactory.create(null, true, false), rows.get(0));
        assertEquals(RowFactory.create(false, null, true), rows.get(1));
        assertEquals(RowFactory.create(null, null, null), rows.get(2));
        assertEquals(RowFactory.create(false, true, false), rows.get(3));
        assertEquals(2, df.filter(col("a").or(col("b"))).count(), "null is not true: the filter drops it");
    }

    @Test
    void comparisons_withNullsAndCoercion() {
        DataFrame df = people();
        assertEquals(List.of("Alice", "Dan"), names(df.filter(col("age").gt(30))));
        assertEquals(List.of("Carol"), names(df.filter(col("age").equalTo("29"))));
        assertEquals(List.of("Bob"), names(df.filter(col("age").eqNullSafe(null))));
        assertEquals(List.of("Alice", "Carol", "Dan"), names(df.filter(col("age").notEqual(99))));
        assertEquals(List.of("Bob", "Carol"), names(df.filter(col("salary").leq(4000).or(col("age").lt(30)))));
    }

    private static List<String> names(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.getString(1));
        }
        return out;
    }

    @Test
    void cast_nonAnsiSemantics() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create("12", "x", 3.99, "2021-01-02 03:04:05")),
                StructType.fromDDL("a STRING, b STRING, c DOUBLE, t STRING"));
        Row r = df.select(col("a").cast("int"), col("b").cast(DataTypes.IntegerType), col("c").cast("int"),
                col("c").cast("decimal(3,1)"), col("t").cast("timestamp").cast("string"), col("t").cast("date"))
                .first();
        assertEquals(12, r.getInt(0));
        assertTrue(r.isNullAt(1));
        assertEquals(3, r.getInt(2));
        assertEquals(new BigDecimal("4.0"), r.getDecimal(3));
        assertEquals("2021-01-02 03:04:05", r.getString(4));
        assertEquals(LocalDate.of(2021, 1, 2), r.getLocalDate(5));
    }

    // ---- actions -------------------------------------------------------------------------------

    @Test
    void actions() {
        DataFrame df = people();
        assertEquals(4, df.count());
        assertEquals(4, df.collect().length);
        assertEquals(1, df.first().getInt(0));
        assertEquals(2, df.head(2).length);
        assertEquals(3, df.take(3).length);
        assertEquals(4, df.takeAsList(10).size());
        List<Integer> ids = new ArrayList<>();
        df.toLocalIterator().forEachRemaining(r -> ids.add(r.getInt(0)));
        assertEquals(List.of(1, 2, 3, 4), ids);
        assertEquals(4, df.rdd().count());
        assertFalse(df.isEmpty());
    }

    @Test
    void actions_onEmptyInput() {
        DataFrame empty = people().filter(col("id").gt(100));
        assertEquals(0, empty.count());
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.collectAsList().size());
        assertThrows(java.util.NoSuchElementException.class, empty::first);
        assertEquals(0, empty.take(5).length);
    }

    @Test
    void limitAndOrderBy() {
        DataFrame df = people().orderBy(col("age").desc()).limit(3);
        assertEquals(Arrays.asList(41, 34, 29), df.collectAsList().stream().map(r -> r.get(2)).toList());
        assertEquals(Arrays.asList(null, 29, 34, 41),
                people().orderBy(col("age")).collectAsList().stream().map(r -> r.get(2)).toList());
        assertEquals(Arrays.asList(41, 34, 29, null),
                people().orderBy(col("age").desc_nulls_last()).collectAsList().stream().map(r -> r.get(2)).toList());
    }

    // ---- analysis errors are eager -------------------------------------------------------------

    @Test
    void unknownColumn_namesClosestColumns() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> people().select(col("nmae")));
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nmae` cannot be "
                + "resolved. Did you mean one of the following? [`name`, `age`, `id`, `salary`].", e.getMessage());
        assertThrows(AnalysisException.class, () -> people().filter(col("salry").gt(1)));
        assertThrows(AnalysisException.class, () -> people().groupBy(col("nope")));
        assertThrows(AnalysisException.class, () -> people().orderBy(col("nope")));
    }

    @Test
    void typeMismatch_failsAtTheCall() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> people().select(year(col("age").gt(1))));
        assertTrue(e.getMessage().startsWith("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "
                + "\"year((age > 1))\""), e.getMessage());
        AnalysisException f = assertThrows(AnalysisException.class, () -> people().filter(col("age")));
        assertTrue(f.getMessage().contains("FILTER_NOT_BOOLEAN"), f.getMessage());
        AnalysisException g = assertThrows(AnalysisException.class,
                () -> people().select(col("name").and(col("age"))));
        assertTrue(g.getMessage().contains("BOOLEAN"), g.getMessage());
        AnalysisException h = assertThrows(AnalysisException.class,
                () -> people().select(col("age").plus(col("age").gt(1))));
        assertTrue(h.getMessage().contains("BINARY_OP_WRONG_TYPE"), h.getMessage());
    }

    @Test
    void ambiguousReference_afterJoin() {
        DataFrame a = people();
        DataFrame b = people().select(col("id"), col("name").as("other"));
        DataFrame joined = a.join(b, a.col("id").equalTo(b.col("id")));
        AnalysisException e = assertThrows(AnalysisException.class, () -> joined.select(col("id")));
        assertTrue(e.getMessage().startsWith("[AMBIGUOUS_REFERENCE] Reference `id` is ambiguous"), e.getMessage());
        assertEquals(4, joined.select(a.col("id"), col("other")).count());
    }

    @Test
    void sessionSettings_checkedWhenSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set("ember.sql.shuffle.partitions", "zero"));
        assertTrue(e.getMessage().contains("ember.sql.shuffle.partitions"));
        assertThrows(IllegalArgumentException.class, () -> spark.conf().set("ember.sql.session.timeZone", "Mars/Base"));
        assertThrows(IllegalArgumentException.class, () -> spark.conf().set("ember.sql.nope", "1"));
        assertThrows(IllegalArgumentException.class, () -> spark.read().option("mode", "SOMETIMES"));
    }

    @Test
    void sessionTimeZone_drivesDisplayAndFields() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(Instant.parse("2021-01-01T03:30:00Z"))),
                StructType.fromDDL("t TIMESTAMP"));
        try {
            assertEquals(3, df.select(hour(col("t"))).first().getInt(0));
            spark.conf().set("ember.sql.session.timeZone", "America/New_York");
            assertEquals(22, df.select(hour(col("t"))).first().getInt(0));
            assertTrue(df.showString(1, 20).contains("2020-12-31 22:30:00"));
        } finally {
            spark.conf().set("ember.sql.session.timeZone", "UTC");
        }
    }
}
