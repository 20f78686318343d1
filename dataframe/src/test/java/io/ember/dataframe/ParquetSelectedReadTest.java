package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.io.parquet.ColumnChunkReader;
import io.ember.dataframe.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The selection reads and skips of {@link ColumnChunkReader} (late materialization), for every
 * encoding and physical type of {@link ParquetPageEncodingsTest}'s files (parquet-mr's writers,
 * pages v1 and v2, nulls on and across page boundaries, three row groups): each batch of 300 rows
 * keeps a different selection (none, all, sparse, dense, runs, edges), which must give exactly
 * the values of reading every row and picking the selected ones in plain Java. A selection of no
 * row skips the batch, so the batches after a skip check that every decoder skipped exactly.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetSelectedReadTest {
    private static final int ROWS = 2_500;
    private static final int GROUP_ROWS = 1_024;
    private static final int BATCH = 300;
    private static final int PATTERNS = 8;

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, pages v2: {1}")
    @MethodSource("io.ember.dataframe.ParquetPageEncodingsTest#encodings")
    void selectedRows_equalEveryRowFilteredInJava(Encoding encoding, boolean v2, PrimitiveTypeName[] types)
            throws Exception {
        List<ParquetTestColumns.Col> cols = ParquetTestColumns.all(types);
        Path file = dir.resolve(encoding + (v2 ? "-v2" : "-v1") + ".parquet");
        EncodedParquetFiles.write(file, cols, encoding, v2, ROWS, GROUP_ROWS);
        StructType schema = spark.read().parquet(file.toString()).schema();
        for (int c = 0; c < cols.size(); c++) {
            // Each column starts the cycle of selections elsewhere, so every pattern meets every
            // kind of page position in some column.
            for (int shift = 0; shift < PATTERNS; shift += 3) {
                assertSelectedReads(file, schema, cols.get(c).name(), c + shift);
            }
        }
    }

    private static void assertSelectedReads(Path file, StructType schema, String column, int firstPattern)
            throws IOException {
        try (ParquetFileReader all = open(file); ParquetFileReader some = open(file)) {
            MessageType fileSchema = all.getFileMetaData().getSchema();
            ColumnDescriptor d = fileSchema.getColumnDescription(new String[] {column});
            int batchIndex = 0;
            for (int group = 0; group < all.getRowGroups().size(); group++) {
                PageReadStore allPages = all.readRowGroup(group);
                PageReadStore somePages = some.readRowGroup(group);
                ColumnChunkReader full = ColumnChunkReader.open(d, allPages.getPageReader(d),
                        schema.apply(column).dataType());
                ColumnChunkReader selective = ColumnChunkReader.open(d, somePages.getPageReader(d),
                        schema.apply(column).dataType());
                long rows = allPages.getRowCount();
                for (long done = 0; done < rows; done += BATCH, batchIndex++) {
                    int n = (int) Math.min(BATCH, rows - done);
                    int[] selected = selection(firstPattern + batchIndex, n, batchIndex);
                    ColumnVector every = full.read(n);
                    String where = column + " of " + file.getFileName() + ", row group " + group + ", rows from "
                            + done + ", selection " + (firstPattern + batchIndex) % PATTERNS;
                    if (selected.length == 0) {
                        selective.skip(n);
                        continue;
                    }
                    ColumnVector picked = selective.read(n, selected, selected.length);
                    assertEquals(selected.length, picked.size, where);
                    for (int i = 0; i < selected.length; i++) {
                        Object expected = every.get(selected[i]);
                        Object actual = picked.get(i);
                        if (!Arrays.deepEquals(new Object[] {expected}, new Object[] {actual})) {
                            throw new AssertionError(where + ", row " + selected[i] + ": expected <" + expected
                                    + "> but was <" + actual + ">");
                        }
                    }
                }
            }
        }
    }

    /** Ascending positions in {@code [0, n)}: selection {@code pattern} (mod {@link #PATTERNS}). */
    static int[] selection(int pattern, int n, long seed) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, n).filter(i -> switch (pattern % PATTERNS) {
            case 0 -> false;
            case 1 -> true;
            case 2 -> i % 7 == 3;
            case 3 -> random.nextInt(100) < 3;
            case 4 -> random.nextInt(100) < 90;
            case 5 -> i >= n / 3 && i < n / 3 + 40;
            case 6 -> i == 0 || i == n - 1;
            default -> (i / 5) % 2 == 1;
        }).toArray();
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration())
                .build());
    }
}
