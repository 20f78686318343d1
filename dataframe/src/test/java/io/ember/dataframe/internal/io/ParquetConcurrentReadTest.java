package io.ember.dataframe.internal.io;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.EmberSession;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (benchmark W4 on two executors): a row-group reader gave its snappy decompressor
 * back to Hadoop's process-wide pool when it closed the file, before its pages were decompressed;
 * the next reader borrowed the same decompressor, and two tasks using it at once failed with
 * FAILED_TO_UNCOMPRESS. Here the second reader is opened after the first, then both are drained
 * at the same time, as two executors do.
 */
class ParquetConcurrentReadTest {
    @TempDir
    Path dir;

    /** No row group's bytes are centred here, so the readers fall back to taking the row group by its index. */
    private static final long NO_MIDPOINT = -1;

    @Test
    void snappyRowGroups_openedOneAfterTheOther_decodeCorrectlyWhenReadAtOnce() throws Exception {
        EmberSession spark = EmberSession.builder().master("local[2]").appName("dataframe-tests")
                .config("ember.sql.session.timeZone", "UTC").getOrCreate();
        long rows = 400_000;
        Path out = dir.resolve("numbers");
        spark.range(0, rows, 1, 2)
                .withColumn("amount", col("id").multiply(7919).mod(100_003).multiply(lit(0.01)))
                .withColumn("distance", col("id").multiply(104_729).mod(9_973).cast("double"))
                .write().option("compression", "snappy").parquet(out.toString());
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        assertEquals(2, files.size());
        StructType schema = StructType.fromDDL("id BIGINT, amount DOUBLE, distance DOUBLE");
        ParquetSource.ReadSpec spec = new ParquetSource.ReadSpec(schema, new StructType(), new int[] {0, 1, 2}, 4096, null,
                ParquetMetrics.of(spark.context()).counters());
        for (int run = 0; run < 3; run++) {
            ParquetSource.RowGroupReader first =
                    new ParquetSource.RowGroupReader(new ParquetSource.Split(files.get(0).toString(), 0, rows / 2, NO_MIDPOINT, Map.of()), spec);
            ParquetSource.RowGroupReader second =
                    new ParquetSource.RowGroupReader(new ParquetSource.Split(files.get(1).toString(), 0, rows / 2, NO_MIDPOINT, Map.of()), spec);
            CompletableFuture<double[]> a = CompletableFuture.supplyAsync(() -> sums(first));
            CompletableFuture<double[]> b = CompletableFuture.supplyAsync(() -> sums(second));
            double[] sa = a.get();
            double[] sb = b.get();
            double[] expected = new double[3];
            for (long id = 0; id < rows; id++) {
                expected[0]++;
                expected[1] += (id * 7919 % 100_003) * 0.01;
                expected[2] += id * 104_729 % 9_973;
            }
            assertEquals(expected[0], sa[0] + sb[0]);
            assertEquals(expected[1], sa[1] + sb[1], 1e-3);
            assertEquals(expected[2], sa[2] + sb[2], 1e-6);
        }
    }

    private static double[] sums(ParquetSource.RowGroupReader reader) {
        double[] sums = new double[3];
        while (reader.hasNext()) {
            ColumnBatch b = reader.next();
            for (int r = 0; r < b.numRows; r++) {
                sums[0]++;
                sums[1] += b.columns[1].doubles[r];
                sums[2] += b.columns[2].doubles[r];
            }
        }
        return sums;
    }
}
