package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files as parquet-mr's ordinary writer makes them ({@code ExampleParquetWriter}): writer v1 and
 * v2, dictionary on and off, byte stream split, a dictionary that overflows mid-chunk (dictionary
 * pages then plain ones), several codecs. The encodings each configuration must produce are
 * checked in the footer, then every value Ember reads is compared with the plain-Java source.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetWriterEncodingsTest {
    private static final int ROWS = 3_000;

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    /** One writer configuration and an encoding it must show in a column. */
    record Config(String name, WriterVersion version, boolean dictionary, boolean byteStreamSplit, int dictionaryPageSize,
                  CompressionCodecName codec, String column, Encoding expected) {
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                new Config("v1 dictionary", WriterVersion.PARQUET_1_0, true, false, 1 << 20, CompressionCodecName.SNAPPY,
                        "s", Encoding.PLAIN_DICTIONARY),
                new Config("v1 plain", WriterVersion.PARQUET_1_0, false, false, 1 << 20, CompressionCodecName.UNCOMPRESSED,
                        "b", Encoding.PLAIN),
                new Config("v2 dictionary", WriterVersion.PARQUET_2_0, true, false, 1 << 20, CompressionCodecName.ZSTD,
                        "l", Encoding.RLE_DICTIONARY),
                new Config("v2 delta ints", WriterVersion.PARQUET_2_0, false, false, 1 << 20, CompressionCodecName.GZIP,
                        "i", Encoding.DELTA_BINARY_PACKED),
                new Config("v2 delta strings", WriterVersion.PARQUET_2_0, false, false, 1 << 20, CompressionCodecName.SNAPPY,
                        "s", Encoding.DELTA_BYTE_ARRAY),
                new Config("v2 rle booleans", WriterVersion.PARQUET_2_0, false, false, 1 << 20, CompressionCodecName.SNAPPY,
                        "b", Encoding.RLE),
                new Config("v1 byte stream split", WriterVersion.PARQUET_1_0, false, true, 1 << 20, CompressionCodecName.SNAPPY,
                        "d", Encoding.BYTE_STREAM_SPLIT),
                new Config("v1 dictionary falls back to plain", WriterVersion.PARQUET_1_0, true, false, 600,
                        CompressionCodecName.SNAPPY, "s", Encoding.PLAIN),
                new Config("v2 dictionary falls back to delta", WriterVersion.PARQUET_2_0, true, false, 600,
                        CompressionCodecName.SNAPPY, "l", Encoding.DELTA_BINARY_PACKED))
                .map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void writerConfiguration_readsEveryValue(String name, Config config) throws Exception {
        List<ParquetTestColumns.Col> cols = ParquetTestColumns.all();
        MessageType schema = new MessageType("m", cols.stream().map(c -> (org.apache.parquet.schema.Type) c.type()).toList());
        Path file = dir.resolve(name.replace(' ', '_') + ".parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withWriterVersion(config.version())
                .withDictionaryEncoding(config.dictionary()).withByteStreamSplitEncoding(config.byteStreamSplit())
                .withDictionaryPageSize(config.dictionaryPageSize()).withCompressionCodec(config.codec())
                .withPageRowCountLimit(ParquetTestColumns.PAGE_ROWS).withRowGroupSize(64 * 1024L).build()) {
            for (int i = 0; i < ROWS; i++) {
                Group g = groups.newGroup();
                for (ParquetTestColumns.Col c : cols) {
                    Object v = c.stored().apply(i);
                    if (v instanceof Boolean b) {
                        g.add(c.name(), b);
                    } else if (v instanceof Integer x) {
                        g.add(c.name(), x);
                    } else if (v instanceof Long x) {
                        g.add(c.name(), x);
                    } else if (v instanceof Float x) {
                        g.add(c.name(), x);
                    } else if (v instanceof Double x) {
                        g.add(c.name(), x);
                    } else if (v instanceof Binary x) {
                        g.add(c.name(), x);
                    }
                }
                w.write(g);
            }
        }
        assertTrue(ParquetEncodingAssertions.rowGroups(file) > 1, "several row groups");
        ParquetEncodingAssertions.assertEncoding(file, config.column(), config.expected());
        ParquetEncodingAssertions.assertEveryValue(spark, file, cols, ROWS, 1000);
    }
}
