package io.ember.dataframe;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every encoding the vectorized reader decodes, each written by parquet-mr's own value writers
 * for every physical type it applies to, in data pages v1 and v2: 2,500 rows in three row groups,
 * 128-row pages, nulls on page boundaries and across pages, one page all null, read in batches of
 * 300 (so batches straddle pages) and compared value by value with the plain-Java source.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetPageEncodingsTest {
    private static final int ROWS = 2_500;
    private static final int GROUP_ROWS = 1_024;

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    static Stream<Arguments> encodings() {
        PrimitiveTypeName[] all = {};
        PrimitiveTypeName[] dictionary = {INT32, INT64, INT96, FLOAT, DOUBLE, BINARY, FIXED_LEN_BYTE_ARRAY};
        return Stream.of(false, true).flatMap(v2 -> Stream.of(
                Arguments.of(Encoding.PLAIN, v2, all),
                Arguments.of(v2 ? Encoding.RLE_DICTIONARY : Encoding.PLAIN_DICTIONARY, v2, dictionary),
                Arguments.of(Encoding.RLE, v2, new PrimitiveTypeName[] {BOOLEAN}),
                Arguments.of(Encoding.DELTA_BINARY_PACKED, v2, new PrimitiveTypeName[] {INT32, INT64}),
                Arguments.of(Encoding.DELTA_LENGTH_BYTE_ARRAY, v2, new PrimitiveTypeName[] {BINARY}),
                Arguments.of(Encoding.DELTA_BYTE_ARRAY, v2, new PrimitiveTypeName[] {BINARY, FIXED_LEN_BYTE_ARRAY}),
                Arguments.of(Encoding.BYTE_STREAM_SPLIT, v2,
                        new PrimitiveTypeName[] {INT32, INT64, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY})));
    }

    @ParameterizedTest(name = "{0}, pages v2: {1}")
    @MethodSource("encodings")
    void encoding_readsEveryValueOfEveryType(Encoding encoding, boolean v2, PrimitiveTypeName[] types) throws Exception {
        List<ParquetTestColumns.Col> cols = ParquetTestColumns.all(types);
        Path file = dir.resolve(encoding + (v2 ? "-v2" : "-v1") + ".parquet");
        EncodedParquetFiles.write(file, cols, encoding, v2, ROWS, GROUP_ROWS);
        assertEquals(3, ParquetEncodingAssertions.rowGroups(file));
        for (ParquetTestColumns.Col c : cols) {
            ParquetEncodingAssertions.assertEncoding(file, c.name(), encoding);
        }
        ParquetEncodingAssertions.assertEveryValue(spark, file, cols, ROWS, 300);
    }
}
