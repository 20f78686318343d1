package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.expr;
import static io.ember.dataframe.internal.sql.SqlFixtures.columns;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Spark's non-reserved keywords as column names, bare aliases and qualified names, in SQL and in
 * the DataFrame API's SQL expressions. Includes the regression of issue 11: a
 * {@code date_trunc('hour', ...) AS hour} column referenced as {@code g.hour}.
 *
 * <pre>
 * kw: hour | day | month | year | date | value | key | zone | returns | window | double
 *        1 |  10 |     3 | 2024 | a    |   5   | k1  | z    |       7 |      2 |    1.5
 *        2 |  20 |  null | 2024 | b    |  null | k2  | null |       8 |      2 |    2.5
 * trips: ts (UTC)              | amount
 *        2024-01-01 10:15:00   | 5
 *        2024-01-01 10:45:00   | 7
 *        2024-01-01 11:05:00   | null
 * </pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlKeywordIdentifiersTest {
    private static EmberSession spark;
    private static DataFrame kw;

    @BeforeAll
    static void views() {
        spark = SqlTestSession.get();
        StructType schema = new StructType().add("hour", DataTypes.IntegerType).add("day", DataTypes.IntegerType)
                .add("month", DataTypes.IntegerType).add("year", DataTypes.IntegerType)
                .add("date", DataTypes.StringType).add("value", DataTypes.IntegerType)
                .add("key", DataTypes.StringType).add("zone", DataTypes.StringType)
                .add("returns", DataTypes.IntegerType).add("window", DataTypes.IntegerType)
                .add("double", DataTypes.DoubleType);
        kw = spark.createDataFrame(List.of(
                Row.of(1, 10, 3, 2024, "a", 5, "k1", "z", 7, 2, 1.5),
                Row.of(2, 20, null, 2024, "b", null, "k2", null, 8, 2, 2.5)), schema);
        kw.createOrReplaceTempView("kw");
        kw.limit(0).createOrReplaceTempView("kw_empty");
        spark.createDataFrame(List.of(
                Row.of(Timestamp.from(Instant.parse("2024-01-01T10:15:00Z")), 5),
                Row.of(Timestamp.from(Instant.parse("2024-01-01T10:45:00Z")), 7),
                Row.of(Timestamp.from(Instant.parse("2024-01-01T11:05:00Z")), null)),
                StructType.fromDDL("ts TIMESTAMP, amount INT")).createOrReplaceTempView("trips");
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void keywordsAsColumnNames() {
        assertEquals(table(row(1, 10, 3, 2024, "a", 5, "k1", "z", 7, 2, 1.5),
                        row(2, 20, null, 2024, "b", null, "k2", null, 8, 2, 2.5)),
                sql("SELECT hour, day, month, year, date, value, key, zone, returns, window, double FROM kw "
                        + "ORDER BY hour"));
    }

    @Test
    void keywordsInWhereGroupByOrderBy() {
        assertEquals(table(row(2024, 2, 18L)),
                sql("SELECT year, window, sum(hour) + sum(returns) FROM kw WHERE day >= 10 AND window = 2 "
                        + "AND double > 1 GROUP BY year, window ORDER BY year, window"));
        assertEquals(table(row("k2"), row("k1")), sql("SELECT key FROM kw ORDER BY hour DESC"));
        assertEquals(table(row(1)), sql("SELECT hour FROM kw WHERE month = 3 AND zone IS NOT NULL"));
    }

    @Test
    void keywordsAsBareAndQualifiedAliases() {
        DataFrame df = spark.sql("SELECT sum(value) returns, max(day) hour, count(*) window, min(k.month) value "
                + "FROM kw k");
        assertEquals(List.of("returns", "hour", "window", "value"), columns(df));
        assertEquals(table(row(5L, 20, 2L, 3)), rows(df));
        assertEquals(table(row(1, 10), row(2, 20)),
                sql("SELECT g.hour, g.day FROM (SELECT hour, day AS day FROM kw) AS g ORDER BY g.hour"));
        assertEquals(table(row(7, 2)), sql("SELECT k.returns, k.window FROM kw k WHERE k.hour = 1"));
    }

    @Test
    void timeUnitAsBareAlias_ofAWholeExpression() {
        DataFrame df = spark.sql("SELECT hour + 1 minute, -day year, 'x' second, k.hour * 2 + 1 day FROM kw k "
                + "ORDER BY hour");
        assertEquals(List.of("minute", "year", "second", "day"), columns(df));
        assertEquals(table(row(2, -10, "x", 3), row(3, -20, "x", 5)), rows(df));
        assertEquals(List.of("hour"), columns(kw.select(expr("value + 1 hour"))));
    }

    @Test
    void dateTruncHourAlias_referencedAsQualifiedName() {
        List<List<Object>> out = sql("SELECT g.hour, sum(g.amount) AS revenue FROM (SELECT date_trunc('hour', ts) "
                + "AS hour, amount FROM trips) g GROUP BY g.hour ORDER BY g.hour");
        assertEquals(2, out.size());
        assertEquals(Instant.parse("2024-01-01T10:00:00Z"), ((Timestamp) out.get(0).get(0)).toInstant());
        assertEquals(12L, out.get(0).get(1));
        assertEquals(Instant.parse("2024-01-01T11:00:00Z"), ((Timestamp) out.get(1).get(0)).toInstant());
        assertEquals(null, out.get(1).get(1));
    }

    @Test
    void keywordsKeepTheirMeaningWhereTheyAreKeywords() {
        assertEquals(table(row(1, 1, 1.5)),
                sql("SELECT CAST(double AS int), double::int, CAST(double AS double) FROM kw ORDER BY hour LIMIT 1"));
        assertEquals(table(row(1, 1L), row(2, 2L)),
                sql("SELECT hour, count(*) OVER w FROM kw WINDOW w AS (ORDER BY hour ROWS BETWEEN UNBOUNDED "
                        + "PRECEDING AND CURRENT ROW) ORDER BY hour"));
        assertEquals(table(row(1)), sql("SELECT hour FROM kw LEFT SEMI JOIN kw AS k2 ON kw.value = k2.value"));
    }

    @Test
    void emptyInput() {
        assertEquals(List.of(), sql("SELECT hour, returns, window FROM kw_empty WHERE double > 0"));
        assertEquals(table(row(null, 0L)), sql("SELECT sum(returns) returns, count(window) hour FROM kw_empty"));
    }

    @Test
    void dataFrame_expressionsWithKeywordNames() {
        assertEquals(table(row(10, 20)), rows(kw.filter("window = 2 AND returns > 7").selectExpr("returns + hour",
                "day")));
        DataFrame df = kw.select(expr("max(value) returns"), expr("sum(hour) hour"));
        assertEquals(List.of("returns", "hour"), columns(df));
        assertEquals(table(row(5, 3L)), rows(df));
    }
}
