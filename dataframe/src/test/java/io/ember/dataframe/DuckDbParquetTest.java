package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.max;
import static io.ember.dataframe.Functions.min;
import static io.ember.dataframe.Functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads a Parquet file written by DuckDB 1.5 (not by Ember): INT32/INT64, DOUBLE, BOOLEAN,
 * DECIMAL(10,2) stored as INT64 and DECIMAL(20,4) as FIXED_LEN_BYTE_ARRAY, dictionary-encoded
 * UTF-8 strings with nulls, TIMESTAMP_MICROS (not adjusted to UTC) and DATE, snappy-compressed.
 * The file was made with DuckDB's {@code COPY (...) TO 'duckdb_types.parquet'} over
 * {@code range(0, 1000)}; the expected values are what DuckDB itself answered on that file.
 */
class DuckDbParquetTest {
    private final EmberSession spark = TestSession.get();

    private String file() throws URISyntaxException {
        return Path.of(getClass().getResource("/parquet/duckdb_types.parquet").toURI()).toString();
    }

    @Test
    void schema_mapsDuckDbTypes() throws Exception {
        DataFrame df = spark.read().parquet(file());
        assertEquals("struct<id:int,big:bigint,ratio:double,amount:decimal(10,2),wide:decimal(20,4),even:boolean,"
                + "borough:string,pickup:timestamp,day:date>", df.schema().simpleString());
    }

    @Test
    void aggregates_matchWhatDuckDbComputed() throws Exception {
        Row totals = spark.read().parquet(file())
                .agg(count("*"), sum("id"), sum("big"), sum("amount"), count("borough"), min("pickup").cast("string"),
                        max("day").cast("string"), sum("wide"))
                .first();
        assertEquals(1000L, totals.getLong(0));
        assertEquals(499_500L, totals.getLong(1));
        assertEquals(499_500_000_000_000L, totals.getLong(2));
        assertEquals(0, new BigDecimal("5245000.00").compareTo(totals.getDecimal(3)));
        assertEquals(800L, totals.getLong(4));
        assertEquals("2021-01-01 00:00:00", totals.getString(5));
        assertEquals("2023-09-27", totals.getString(6));
        assertEquals(0, new BigDecimal("166500.0000").compareTo(totals.getDecimal(7)));
    }

    @Test
    void rows_matchWhatDuckDbReturned() throws Exception {
        List<Row> rows = spark.read().parquet(file())
                .filter(col("id").isin(0, 7, 999))
                .select(col("id"), col("big"), col("ratio"), col("amount").cast("string"), col("wide").cast("string"),
                        col("even"), col("borough"), col("pickup").cast("string"), col("day").cast("string"))
                .orderBy(col("id"))
                .collectAsList();
        assertEquals(List.of(
                RowFactory.create(0, 0L, 0.0, "0.25", "0.0000", true, null, "2021-01-01 00:00:00", "2021-01-01"),
                RowFactory.create(7, 7_000_000_000L, 8.75, "73.75", "2.3333", false, "Queens", "2021-01-01 07:00:00", "2021-01-08"),
                RowFactory.create(999, 999_000_000_000L, 1248.75, "10489.75", "333.0000", false, "Manhattan",
                        "2021-02-11 15:00:00", "2023-09-27")), rows);
    }
}
