package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

    /** One writer configuration and the encodings it must show in a column. */
    record Config(String name, WriterVersion version, boolean dictionary, boolean byteStreamSplit, int dictionaryPageSize,
                  CompressionCodecName codec, String column, Set<Encoding> expected) {
    }

    private static Config config(String name, WriterVersion version, boolean dictionary, CompressionCodecName codec,
                                 String column, Encoding... expected) {
        return new Config(name, version, dictionary, false, 1 << 20, codec, column, Set.of(expected));
    }

    static Stream<Arguments> configs() {
        WriterVersion v1 = WriterVersion.PARQUET_1_0;
        WriterVersion v2 = WriterVersion.PARQUET_2_0;
        return Stream.of(
                config("v1 dictionary", v1, true, CompressionCodecName.SNAPPY, "js", Encoding.PLAIN_DICTIONARY),
                config("v1 plain", v1, false, CompressionCodecName.UNCOMPRESSED, "b", Encoding.PLAIN),
                config("v2 dictionary", v2, true, CompressionCodecName.ZSTD, "js", Encoding.RLE_DICTIONARY),
                config("v2 delta ints", v2, false, CompressionCodecName.GZIP, "i", Encoding.DELTA_BINARY_PACKED),
                config("v2 delta strings", v2, false, CompressionCodecName.SNAPPY, "s", Encoding.DELTA_BYTE_ARRAY),
                config("v2 rle booleans", v2, false, CompressionCodecName.SNAPPY, "b", Encoding.RLE),
                new Config("v1 byte stream split", v1, false, true, 1 << 20, CompressionCodecName.SNAPPY, "d",
                        Set.of(Encoding.BYTE_STREAM_SPLIT)),
                new Config("v1 dictionary falls back to plain", v1, true, false, 600, CompressionCodecName.SNAPPY, "grow",
                        Set.of(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN)),
                new Config("v2 dictionary falls back to delta", v2, true, false, 600, CompressionCodecName.SNAPPY, "grow",
                        Set.of(Encoding.RLE_DICTIONARY, Encoding.DELTA_BYTE_ARRAY)))
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
        for (Encoding e : config.expected()) {
            ParquetEncodingAssertions.assertEncoding(file, config.column(), e);
        }
        ParquetEncodingAssertions.assertEveryValue(spark, file, cols, ROWS, 1000);
    }
}
