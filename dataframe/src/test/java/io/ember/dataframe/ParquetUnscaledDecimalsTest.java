package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decimals stored as int32 and int64 unscaled values at the column's own scale, which the reader
 * hands on as the decoded longs (issue 12: decoding them one append at a time was a tenth of
 * TPC-H Q6's and Q14's time): every value and null as plain Java computes it, negative values,
 * and a stored value with more digits than the type's precision still refused.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetUnscaledDecimalsTest {
    private static final int ROWS = 5_000;

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    @Test
    void int32AndInt64Decimals_withNulls_readAsTheirValues() throws Exception {
        Path file = write("ok.parquet", i -> i);
        List<Row> rows = spark.read().parquet(file.toString()).orderBy("id").collectAsList();
        assertEquals(ROWS, rows.size());
        for (int i = 0; i < ROWS; i++) {
            Row r = rows.get(i);
            BigDecimal small = i % 7 == 0 ? null : BigDecimal.valueOf(i * 37L % 20_000 - 9_999, 2);
            BigDecimal wide = i % 5 == 0 ? null : BigDecimal.valueOf(i * 1_234_567_891L - 3_000_000_000_000L, 2);
            assertEquals(small, r.get(1), "d9 of row " + i);
            assertEquals(wide, r.get(2), "d15 of row " + i);
        }
    }

    @Test
    void aStoredValueWiderThanThePrecision_isRefused() throws Exception {
        // d9 is decimal(4, 2) here: row 3 stores 123456, six digits.
        Path file = write("wide.parquet", i -> i == 3 ? 123_456 : 1);
        Exception e = assertThrows(Exception.class, () -> spark.read().parquet(file.toString()).collectAsList());
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append(t.getMessage()).append('\n');
        }
        assertTrue(causes.toString().contains("123456"), causes.toString());
    }

    private Path write(String name, java.util.function.IntUnaryOperator smallOverride) throws Exception {
        boolean narrow = !name.startsWith("ok");
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int32 id; "
                + "optional int32 d9 (DECIMAL(" + (narrow ? "4" : "9") + ", 2)); optional int64 d15 (DECIMAL(15, 2)); }");
        Path file = dir.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withDictionaryEncoding(false).withRowGroupSize(64 * 1024L)
                .build()) {
            for (int i = 0; i < ROWS; i++) {
                Group g = groups.newGroup();
                g.add("id", i);
                if (narrow) {
                    g.add("d9", smallOverride.applyAsInt(i));
                } else if (i % 7 != 0) {
                    g.add("d9", (int) (i * 37L % 20_000 - 9_999));
                }
                if (!narrow && i % 5 != 0) {
                    g.add("d15", i * 1_234_567_891L - 3_000_000_000_000L);
                }
                w.write(g);
            }
        }
        return file;
    }
}
