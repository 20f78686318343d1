package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.Functions.add_months;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.expr;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Interval literals, date and timestamp arithmetic, and the date and substring functions, in SQL
 * and in the DataFrame API ({@code expr}, {@code selectExpr}, {@code filter(String)}). Expected
 * values are worked out by hand from the calendar.
 *
 * <pre>
 * days: id | d          | ts (UTC)
 *        1 | 2024-01-31 | 2024-03-01 10:00:00
 *        2 | 1998-12-01 | 1999-12-31 23:30:00
 *        3 | null       | null
 * </pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlDateTimeTest {
    private static EmberSession spark;
    private static DataFrame days;

    @BeforeAll
    static void views() {
        spark = SqlTestSession.get();
        days = spark.createDataFrame(List.of(
                Row.of(1, Date.valueOf("2024-01-31"), Timestamp.from(Instant.parse("2024-03-01T10:00:00Z"))),
                Row.of(2, Date.valueOf("1998-12-01"), Timestamp.from(Instant.parse("1999-12-31T23:30:00Z"))),
                Row.of(3, null, null)),
                StructType.fromDDL("id INT, d DATE, ts TIMESTAMP"));
        days.createOrReplaceTempView("days");
        days.filter(col("id").lt(0)).createOrReplaceTempView("no_days");
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    private static Date date(String iso) {
        return Date.valueOf(iso);
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }

    @Test
    void dateMinusDayInterval_isADate() {
        DataFrame df = spark.sql("SELECT date '1998-12-01' - interval '90' day AS cutoff");
        assertEquals(DataTypes.DateType, df.schema().fields()[0].dataType());
        assertEquals(table(row(date("1998-09-02"))), rows(df));
    }

    @Test
    void leadingFieldPrecision_asTheTpchTextWritesIt() {
        assertEquals(table(row(date("1998-09-02"))), sql("SELECT date '1998-12-01' - interval '90' day (3)"));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT date '1998-12-01' - interval '1000' day (3)"));
        assertTrue(e.getMessage().startsWith("[INVALID_INTERVAL_FORMAT] Error parsing the interval literal "
                + "INTERVAL '1000' DAY: the leading field has more than 3 digits"), e.getMessage());
    }

    @Test
    void yearAndMonthIntervals_clampTheDayOfMonth() {
        assertEquals(table(
                        row(date("2025-01-31"), date("2024-02-29"), date("2024-04-30"), date("2023-12-31")),
                        row(date("1999-12-01"), date("1999-01-01"), date("1999-03-01"), date("1998-11-01")),
                        row(null, null, null, null)),
                sql("SELECT d + INTERVAL 1 YEAR, d + INTERVAL '1' MONTH, d + INTERVAL '3' MONTHS, "
                        + "d - interval 1 month FROM days ORDER BY id"));
    }

    @Test
    void multiUnitIntervals() {
        assertEquals(table(row(date("2021-03-04"), date("2021-03-01"), date("2020-01-15"), date("2019-10-29"))),
                sql("SELECT date '2020-01-01' + interval '1 year 2 months 3 days', "
                        + "date '2020-01-01' + INTERVAL '1-2' YEAR TO MONTH, "
                        + "date '2020-01-01' + interval 2 weeks, "
                        + "date '2020-01-01' - interval '2' month - interval '3' days"));
    }

    @Test
    void multiUnitIntervalWithoutQuotes() {
        assertEquals(table(row(date("2021-03-04"), date("2018-10-29"))),
                sql("SELECT date '2020-01-01' + INTERVAL 1 YEAR 2 MONTHS 3 DAYS, "
                        + "date '2020-01-01' - interval 1 year 2 month 3 day"));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT d + INTERVAL 1 YEAR 2 MONTHS, nosuch FROM days"));
        assertTrue(e.getMessage().contains("`nosuch` cannot be resolved"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; line 1, column 38"), e.getMessage());
    }

    @Test
    void intervalPlusDate_andNegatedInterval() {
        assertEquals(table(row(date("2020-01-04"), date("2019-12-29"))),
                sql("SELECT interval 3 days + date '2020-01-01', date '2020-01-01' + - interval 3 days"));
    }

    @Test
    void timestampPlusTimeInterval_inTheSessionZone() {
        List<List<Object>> out = sql("SELECT ts + interval 90 minutes, ts - INTERVAL '1 10:30:00' DAY TO SECOND, "
                + "ts + interval '1.5' second FROM days ORDER BY id");
        assertEquals(Instant.parse("2024-03-01T11:30:00Z"), instant(out.get(0).get(0)));
        assertEquals(Instant.parse("2024-02-28T23:30:00Z"), instant(out.get(0).get(1)));
        assertEquals(Instant.parse("2024-03-01T10:00:01.500Z"), instant(out.get(0).get(2)));
        assertEquals(Instant.parse("2000-01-01T01:00:00Z"), instant(out.get(1).get(0)));
        assertEquals(row(null, null, null), out.get(2));
    }

    @Test
    void datePlusTimeInterval_isATimestamp() {
        DataFrame df = spark.sql("SELECT date '2024-03-01' + interval 2 hours");
        assertEquals(DataTypes.TimestampType, df.schema().fields()[0].dataType());
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), instant(rows(df).get(0).get(0)));
    }

    @Test
    void datePlusOrMinusDays_andDateMinusDate() {
        assertEquals(table(
                        row(date("2024-03-01"), date("2024-01-01"), date("2024-02-02"), -60),
                        row(date("1998-12-31"), date("1998-11-01"), date("1998-12-03"), -9252),
                        row(null, null, null, null)),
                sql("SELECT d + 30, d - 30, 2 + d, d - date '2024-03-31' FROM days ORDER BY id"));
    }

    @Test
    void datePlusOrMinusNull_isANullDate() {
        DataFrame df = spark.sql("SELECT d + NULL, d - NULL, NULL + d FROM days WHERE id = 1");
        assertEquals(DataTypes.DateType, df.schema().fields()[0].dataType());
        assertEquals(table(row(null, null, null)), rows(df));
    }

    @Test
    void dateFunctions() {
        assertEquals(table(
                        row(date("2024-02-10"), date("2024-01-21"), date("2024-02-29"), 31, 2024, 1, 2024, 31),
                        row(date("1998-12-11"), date("1998-11-21"), date("1999-01-01"), 9223, 1998, 12, 1998, 1),
                        row(null, null, null, null, null, null, null, null)),
                sql("SELECT date_add(d, 10), date_sub(d, 10), add_months(d, 1), datediff(date '2024-03-02', d), "
                        + "extract(YEAR FROM d), extract(month FROM d), year(d), dayofmonth(d) FROM days ORDER BY id"));
    }

    @Test
    void substringForms() {
        assertEquals(table(row("ell", "ello", "ell", "ello", null)),
                sql("SELECT substring('hello' FROM 2 FOR 3), substring('hello' FROM 2), substring('hello', 2, 3), "
                        + "substr('hello', 2), substring(CAST(NULL AS STRING) FROM 1 FOR 2)"));
    }

    @Test
    void emptyInput() {
        assertEquals(List.of(), sql("SELECT d + interval 1 day, d - 3, d - d FROM no_days"));
    }

    @Test
    void whereWithIntervalArithmetic() {
        assertEquals(table(row(2)),
                sql("SELECT id FROM days WHERE d <= date '1998-12-01' + interval '3' month - interval 1 day"));
    }

    @Test
    void dataFrame_exprWithInterval() {
        assertEquals(table(row(1, date("2024-02-03")), row(2, date("1998-12-04")), row(3, null)),
                rows(days.select(col("id"), expr("d + interval 3 days")).orderBy("id")));
        assertEquals(table(row(date("2024-02-29")), row(date("1999-01-01")), row((Object) null)),
                rows(days.orderBy(col("id")).select(add_months(col("d"), 1))));
        assertEquals(table(row(date("2024-02-29"), date("2024-01-30")), row(date("1999-01-01"), date("1998-11-30")),
                        row(null, null)),
                rows(days.orderBy(col("id")).select(col("d").plus(expr("interval 1 month")),
                        col("d").minus(expr("INTERVAL '1' DAY")))));
    }

    @Test
    void dataFrame_selectExprAndFilterString() {
        DataFrame out = days.selectExpr("id", "d - interval '1' year AS last_year", "substring('abc' FROM 2) s")
                .filter("last_year < date '2000-01-01' + interval 1 day");
        assertEquals(List.of("id", "last_year", "s"), SqlFixtures.columns(out));
        assertEquals(table(row(2, date("1997-12-01"), "bc")), rows(out));
        assertEquals(table(row(1)), rows(days.where("d - 30 = date '2024-01-01'").select("id")));
    }

    @Test
    void intervalAsResultColumn_isRejected() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql("SELECT interval 1 day"));
        assertTrue(e.getMessage().startsWith("[UNSUPPORTED_FEATURE.INTERVAL_COLUMN]"), e.getMessage());
    }

    @Test
    void intervalTimesNumber_isRejected() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT d * interval 1 day FROM days"));
        assertTrue(e.getMessage().startsWith("[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE]"), e.getMessage());
    }

    @Test
    void unknownIntervalUnit_namesTheLiteralAndPosition() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT d\n  + interval '3 fortnights' FROM days"));
        assertTrue(e.getMessage().startsWith("[INVALID_INTERVAL_FORMAT] Error parsing the interval literal "
                + "INTERVAL '3 fortnights': 'fortnights' is not a unit"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; line 2, column 5"), e.getMessage());
    }

    @Test
    void timestampMinusTimestamp_isRejected() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.sql("SELECT ts - ts FROM days"));
        assertTrue(e.getMessage().startsWith("[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE]"), e.getMessage());
    }
}
