package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written by DuckDB ({@code COPY ... TO (FORMAT PARQUET, ...)}): its default (dictionary
 * pages, snappy), format v2 pages, zstd with small row groups. Every value Ember reads is compared
 * with what DuckDB itself reads back from the same file over JDBC.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DuckDbParquetEncodingsTest {
    private static final int ROWS = 5_000;
    private static final String SOURCE = "SELECT i::INTEGER AS id,"
            + " CASE WHEN i % 7 = 3 THEN NULL ELSE (i % 200) * 1000003 - 5 END::INTEGER AS i32,"
            + " CASE WHEN i % 11 = 0 THEN NULL ELSE i * 1000000007 * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) END::BIGINT AS i64,"
            + " CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.125 END::DOUBLE AS dbl,"
            + " (i * 0.25)::FLOAT AS flt,"
            + " CASE WHEN i % 13 = 0 THEN NULL ELSE ['', 'héllo', '日本語テキスト', 'emoji 😀', 'Queens'][i % 5 + 1]"
            + "   || repeat('x', (i % 30)::INTEGER) END AS str,"
            + " CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS bool,"
            + " CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 12345.6789 - 30000000)::DECIMAL(18,4) END AS dec18,"
            + " (i * 123456789012.3456 * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END))::DECIMAL(19,4) AS dec19,"
            + " (i * 1.5)::DECIMAL(9,2) AS dec9,"
            + " (i::DECIMAL(38,0) * 123456789012345678901234567)::DECIMAL(38,0) AS dec38,"
            + " DATE '2020-01-01' + i::INTEGER AS day,"
            + " TIMESTAMP '2021-01-01 00:00:00' + i * INTERVAL 1 MINUTE + i * INTERVAL 1 MICROSECOND AS ts,"
            + " (TIMESTAMP '1969-12-31 00:00:00' + i * INTERVAL 1 SECOND)::TIMESTAMPTZ AS tstz,"
            + " CASE WHEN i % 4 = 0 THEN NULL ELSE (i % 10)::SMALLINT END AS sm,"
            + " (i % 100)::TINYINT AS tiny,"
            + " 'constant' AS con"
            + " FROM range(0, " + ROWS + ") t(i)";

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    static Stream<Arguments> options() {
        Set<Encoding> dictionary = Set.of(Encoding.RLE_DICTIONARY, Encoding.PLAIN_DICTIONARY);
        return Stream.of(
                Arguments.of("FORMAT PARQUET", Map.of("str", dictionary, "con", dictionary)),
                Arguments.of("FORMAT PARQUET, PARQUET_VERSION V2", Map.of(
                        "i64", Set.of(Encoding.DELTA_BINARY_PACKED),
                        "dbl", Set.of(Encoding.BYTE_STREAM_SPLIT),
                        "flt", Set.of(Encoding.BYTE_STREAM_SPLIT))),
                Arguments.of("FORMAT PARQUET, PARQUET_VERSION V2, DICTIONARY_SIZE_LIMIT 1", Map.of(
                        "str", Set.of(Encoding.DELTA_LENGTH_BYTE_ARRAY))),
                Arguments.of("FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE 1024", Map.of("con", dictionary)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void duckDbFile_readsWhatDuckDbReads(String options, Map<String, Set<Encoding>> expectedEncodings) throws Exception {
        Path file = dir.resolve("duck.parquet");
        List<Object[]> duck = new ArrayList<>();
        DataFrame df;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (" + SOURCE + ") TO '" + file + "' (" + options + ")");
            df = spark.read().parquet(file.toString());
            DataType[] types = java.util.Arrays.stream(df.schema().fields()).map(f -> f.dataType()).toArray(DataType[]::new);
            try (ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + file + "') ORDER BY id")) {
                while (rs.next()) {
                    Object[] row = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        row[i] = duckValue(rs, i + 1, types[i]);
                    }
                    duck.add(row);
                }
            }
        }
        for (Map.Entry<String, Set<Encoding>> e : expectedEncodings.entrySet()) {
            Set<Encoding> found = ParquetEncodingAssertions.encodings(file, e.getKey());
            if (found.stream().noneMatch(e.getValue()::contains)) {
                throw new AssertionError(e.getKey() + " should use one of " + e.getValue() + ", footer says " + found);
            }
        }
        assertEquals("struct<id:int,i32:int,i64:bigint,dbl:double,flt:double,str:string,bool:boolean,dec18:decimal(18,4),"
                + "dec19:decimal(19,4),dec9:decimal(9,2),dec38:decimal(38,0),day:date,ts:timestamp,tstz:timestamp,sm:int,"
                + "tiny:int,con:string>", df.schema().simpleString());
        List<Row> ember = df.orderBy("id").collectAsList();
        assertEquals(ROWS, ember.size());
        String[] names = df.schema().fieldNames();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < names.length; c++) {
                Object expected = duck.get(r)[c];
                Object actual = ParquetTestColumns.actual(ember.get(r), c);
                if (!Objects.equals(expected, actual)) {
                    throw new AssertionError("row " + r + ", column " + names[c] + ": DuckDB read <"
                            + expected + "> but Ember <" + actual + ">");
                }
            }
        }
    }

    /** DuckDB's value as the internal Java value Ember returns for {@code type}. */
    private static Object duckValue(ResultSet rs, int c, DataType type) throws Exception {
        Object o = rs.getObject(c);
        if (o == null) {
            return null;
        }
        if (type instanceof IntegerType) {
            return ((Number) o).intValue();
        } else if (type instanceof LongType) {
            return ((Number) o).longValue();
        } else if (type instanceof DoubleType) {
            return ((Number) o).doubleValue();
        } else if (type instanceof DecimalType d) {
            return ((BigDecimal) o).setScale(d.scale(), RoundingMode.UNNECESSARY);
        } else if (type instanceof StringType) {
            return o.toString();
        } else if (type instanceof BooleanType) {
            return o;
        } else if (type instanceof DateType) {
            return rs.getObject(c, LocalDate.class);
        } else if (type instanceof TimestampType) {
            if (o instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            return rs.getObject(c, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
        throw new AssertionError("unexpected type " + type);
    }
}
