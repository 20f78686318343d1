package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.ParquetReadOptions;

/** Checks shared by the Parquet encoding tests: what the footer says, and every value Ember reads. */
final class ParquetEncodingAssertions {
    private ParquetEncodingAssertions() {
    }

    /** How many row groups the footer of {@code file} lists. */
    static int rowGroups(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return r.getRowGroups().size();
        }
    }

    /** The encodings the footer lists for {@code column}, over all row groups. */
    static Set<Encoding> encodings(Path file, String column) throws IOException {
        Set<Encoding> out = EnumSet.noneOf(Encoding.class);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            for (BlockMetaData b : r.getRowGroups()) {
                for (ColumnChunkMetaData c : b.getColumns()) {
                    if (c.getPath().toDotString().equals(column)) {
                        out.addAll(c.getEncodings());
                    }
                }
            }
        }
        return out;
    }

    static void assertEncoding(Path file, String column, Encoding expected) throws IOException {
        Set<Encoding> found = encodings(file, column);
        assertTrue(found.contains(expected), column + " should be " + expected + " in " + file + ", footer says " + found);
    }

    /** Reads {@code file} with Ember in batches of {@code batchSize} and compares every value with the columns' own. */
    static void assertEveryValue(EmberSession spark, Path file, List<ParquetTestColumns.Col> cols, int rows, int batchSize) {
        spark.conf().set("ember.sql.columnBatchSize", batchSize);
        try {
            DataFrame df = spark.read().parquet(file.toString());
            String[] names = cols.stream().map(ParquetTestColumns.Col::name).toArray(String[]::new);
            List<Row> read = df.select(names[0], java.util.Arrays.copyOfRange(names, 1, names.length)).collectAsList();
            assertEquals(rows, read.size(), "rows of " + file);
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < cols.size(); c++) {
                    Object expected = cols.get(c).expected().apply(i);
                    Object actual = ParquetTestColumns.actual(read.get(i), c);
                    if (!Objects.equals(expected, actual)) {
                        throw new AssertionError("row " + i + ", column " + names[c] + " of " + file + ": expected <"
                                + expected + "> but was <" + actual + ">");
                    }
                }
            }
        } finally {
            spark.conf().unset("ember.sql.columnBatchSize");
        }
    }
}
