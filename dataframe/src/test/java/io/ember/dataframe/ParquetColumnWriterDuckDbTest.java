package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flat Parquet written by Ember (a column at a time, several batches and row groups, nulls in
 * every column) read back by DuckDB, its answers checked against values computed here.
 */
class ParquetColumnWriterDuckDbTest {
    private static final int ROWS = 20_000;
    private static final String SCHEMA = "id INT, b BOOLEAN, i INT, l BIGINT, d DOUBLE, m9 DECIMAL(9,2), "
            + "m18 DECIMAL(18,4), m38 DECIMAL(38,10), s STRING, dt DATE, ts TIMESTAMP, bin BINARY";

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private static boolean isNull(int id, int column) {
        return id % (5 + column) == column;
    }

    private static Row row(int id) {
        Object[] v = {id, id % 2 == 0, id * 7 - 50_000, id * 1_000_000_007L, id / 8.0,
            BigDecimal.valueOf(id - 9_000, 2), BigDecimal.valueOf(id * 123_456_789L, 4),
            new BigDecimal("-12345678901234.0123456789").add(BigDecimal.valueOf(id)),
            "s" + (id % 500) + "\u00e9", LocalDate.ofEpochDay(id % 1000 - 500),
            Instant.ofEpochSecond(id * 1_003L, 123_000), new byte[] {(byte) id, 1}};
        for (int c = 1; c < v.length; c++) {
            if (isNull(id, c)) {
                v[c] = null;
            }
        }
        return RowFactory.create(v);
    }

    @Test
    void flatColumnsWithNulls_readBackByDuckDb() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int id = 0; id < ROWS; id++) {
            rows.add(row(id));
        }
        Path out = dir.resolve("t");
        spark.createDataFrame(rows, StructType.fromDDL(SCHEMA)).coalesce(1).write()
                .option("parquet.block.size", "65536").parquet(out.toString());

        long[] nonNull = new long[12];
        long sumI = 0;
        long sumL = 0;
        double sumD = 0;
        BigDecimal sumM9 = BigDecimal.ZERO;
        BigDecimal sumM18 = BigDecimal.ZERO;
        BigDecimal sumM38 = BigDecimal.ZERO;
        long trues = 0;
        long binBytes = 0;
        Set<String> strings = new HashSet<>();
        for (Row r : rows) {
            for (int c = 0; c < 12; c++) {
                nonNull[c] += r.isNullAt(c) ? 0 : 1;
            }
            trues += !r.isNullAt(1) && r.getBoolean(1) ? 1 : 0;
            sumI += r.isNullAt(2) ? 0 : r.getInt(2);
            sumL += r.isNullAt(3) ? 0 : r.getLong(3);
            sumD += r.isNullAt(4) ? 0 : r.getDouble(4);
            sumM9 = r.isNullAt(5) ? sumM9 : sumM9.add((BigDecimal) r.get(5));
            sumM18 = r.isNullAt(6) ? sumM18 : sumM18.add((BigDecimal) r.get(6));
            sumM38 = r.isNullAt(7) ? sumM38 : sumM38.add((BigDecimal) r.get(7));
            if (!r.isNullAt(8)) {
                strings.add(r.getString(8));
            }
            binBytes += r.isNullAt(11) ? 0 : ((byte[]) r.get(11)).length;
        }

        String glob = "'" + out + "/*.parquet'";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(b), count(i), count(l), count(d), count(m9), "
                    + "count(m18), count(m38), count(s), count(dt), count(ts), count(bin), count(*) FILTER (b), "
                    + "sum(i), sum(l), sum(d), sum(m9), sum(m18), sum(m38)::VARCHAR, count(DISTINCT s), "
                    + "sum(octet_length(bin)) FROM read_parquet(" + glob + ")")) {
                assertTrue(rs.next());
                assertEquals(ROWS, rs.getLong(1));
                for (int col = 1; col < 12; col++) {
                    assertEquals(nonNull[col], rs.getLong(col + 1), "non-null values of column " + col);
                }
                assertEquals(trues, rs.getLong(13));
                assertEquals(sumI, rs.getLong(14));
                assertEquals(sumL, rs.getLong(15));
                assertEquals(sumD, rs.getDouble(16), 1e-9 * Math.abs(sumD));
                assertEquals(0, sumM9.compareTo(rs.getBigDecimal(17)));
                assertEquals(0, sumM18.compareTo(rs.getBigDecimal(18)));
                assertEquals(0, sumM38.compareTo(new BigDecimal(rs.getString(19))));
                assertEquals(strings.size(), rs.getLong(20));
                assertEquals(binBytes, rs.getLong(21));
            }
            // Row 1200 (no nulls) in full.
            try (ResultSet rs = s.executeQuery("SELECT b, i, l, d, m9, m18, m38::VARCHAR, s, dt::VARCHAR, "
                    + "epoch_us(ts), hex(bin) FROM read_parquet(" + glob + ") WHERE id = 1200")) {
                assertTrue(rs.next());
                Row expected = row(1200);
                assertEquals(expected.get(1), rs.getObject(1));
                assertEquals(expected.get(2), rs.getObject(2));
                assertEquals(expected.get(3), rs.getObject(3));
                assertEquals(expected.get(4), rs.getObject(4));
                assertEquals(0, ((BigDecimal) expected.get(5)).compareTo(rs.getBigDecimal(5)));
                assertEquals(0, ((BigDecimal) expected.get(6)).compareTo(rs.getBigDecimal(6)));
                assertEquals(0, ((BigDecimal) expected.get(7)).compareTo(new BigDecimal(rs.getString(7))));
                assertEquals(expected.get(8), rs.getString(8));
                assertEquals(String.valueOf(expected.get(9)), rs.getString(9));
                Instant ts = (Instant) expected.get(10);
                assertEquals(ts.getEpochSecond() * 1_000_000 + ts.getNano() / 1000, rs.getLong(10));
                assertEquals("B001", rs.getString(11));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT row_group_id) FROM parquet_metadata(" + glob
                    + ")")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) > 1, "several row groups: " + rs.getLong(1));
            }
        }
    }
}
