package io.ember.dataframe.internal.plan.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.internal.sql.SqlTestSession;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Distinct counts from Parquet dictionaries (issue 12: TPC-H Q8's {@code p_type = '...'} was
 * estimated to keep a tenth of the parts, not one in 150, and the join order put the whole of
 * lineitem through two shuffles). Files of several row groups written by parquet-mr, format 1 and
 * 2: columns of 4 and of 100 values repeated in every row group, and one written without a
 * dictionary. The expected rows are worked out by hand from how the file was written.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetDictionaryStatsTest {
    private static final int ROWS = 20_000;
    private static final Pattern ROW_COUNT = Pattern.compile("rowCount=([0-9.E+]+)\\)$");

    private final EmberSession spark = SqlTestSession.get();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = WriterVersion.class)
    void equalityOnADictionaryColumn_keepsOneOverItsDistinctValues(WriterVersion version) throws Exception {
        Path file = write(version);
        spark.read().parquet(file.toString()).createOrReplaceTempView("dict_stats");
        // kind has 4 values in every row group: the row groups share them, so 4 in all.
        assertEquals(rounded(ROWS / 4), filterRows("kind = 'k1'"));
        assertEquals(rounded(ROWS / 100), filterRows("code = 'c7'"));
        // plain has no dictionary: the default tenth.
        assertEquals(rounded((long) Math.ceil(ROWS * FilterEstimation.UNKNOWN_EQUALITY)), filterRows("plain = 'p7'"));
    }

    @Test
    void rowGroupsThatRepeatTheirValues_shareThem_mostlyDistinctOnes_addUp() {
        assertEquals(150, ParquetFooterStats.distinctOfRowGroups(150, 300, false));
        assertEquals(300, ParquetFooterStats.distinctOfRowGroups(150, 300, true));
    }

    /** The estimated rows of the filter {@code condition} over the file, as explain("cost") shows them. */
    private String filterRows(String condition) {
        String text = spark.sql("SELECT kind FROM dict_stats WHERE " + condition).explainString("cost");
        String filter = text.lines().filter(l -> l.contains("Filter ")).findFirst().orElseThrow();
        Matcher m = ROW_COUNT.matcher(filter);
        assertTrue(m.find(), filter);
        return m.group(1);
    }

    private static String rounded(long rows) {
        return new BigDecimal(rows).round(new MathContext(3, RoundingMode.HALF_UP)).toString();
    }

    private Path write(WriterVersion version) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message m { required binary kind (STRING); required binary code (STRING); required binary plain (STRING); }");
        Path file = dir.resolve(version + ".parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withWriterVersion(version)
                .withDictionaryEncoding(true).withDictionaryEncoding("plain", false)
                .withRowGroupSize(16 * 1024L).withPageRowCountLimit(500).build()) {
            for (int i = 0; i < ROWS; i++) {
                Group g = groups.newGroup();
                g.add("kind", "k" + (i % 4));
                g.add("code", "c" + (i % 100));
                g.add("plain", "p" + (i % 4));
                w.write(g);
            }
        }
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            assertTrue(r.getFooter().getBlocks().size() > 1, "several row groups");
        }
        return file;
    }
}
