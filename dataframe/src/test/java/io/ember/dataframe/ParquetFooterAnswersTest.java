package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.io.ParquetMetrics;
import io.ember.dataframe.internal.io.ParquetSource;
import io.ember.dataframe.internal.plan.FileScan;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code count(*)} and scans that need no data column are answered from the footers' row
 * counts: no row group is read, no byte either, yet the counts equal what was written.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetFooterAnswersTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message m { required int64 id; optional binary name (STRING); }");

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    private ParquetMetrics metrics;

    @BeforeEach
    void reset() {
        metrics = ParquetMetrics.of(spark.context());
        metrics.reset();
    }

    /** Writes ids {@code from..to-1} in row groups of about 8 KB; returns the number of row groups. */
    private int write(Path file, long from, long to) throws Exception {
        Files.createDirectories(file.getParent());
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                .withConf(new PlainParquetConfiguration()).withRowGroupSize(8 * 1024L).withPageRowCountLimit(500)
                .build()) {
            for (long i = from; i < to; i++) {
                Group g = groups.newGroup().append("id", i);
                if (i % 3 != 0) {
                    g.append("name", "n" + i);
                }
                w.write(g);
            }
        }
        return ParquetEncodingAssertions.rowGroups(file);
    }

    @Test
    void count_answeredFromFooters_withoutReadingRowGroups() throws Exception {
        int groups = write(dir.resolve("t/a.parquet"), 0, 12_000) + write(dir.resolve("t/b.parquet"), 12_000, 14_000);
        assertTrue(groups > 4, "several row groups: " + groups);
        DataFrame df = spark.read().parquet(dir.resolve("t").toString());

        assertEquals(14_000L, df.count());
        assertEquals(14_000L, df.agg(count("*")).first().getLong(0));
        assertEquals(14_000L, df.agg(count(lit(1))).first().getLong(0));
        assertEquals(0, metrics.rowGroupsRead());
        assertEquals(0, metrics.bytesRead());
        assertEquals(3L * groups, metrics.rowGroupsFromFooters());
    }

    @Test
    void countOfAColumn_readsIt() throws Exception {
        write(dir.resolve("t/a.parquet"), 0, 12_000);
        DataFrame df = spark.read().parquet(dir.resolve("t").toString());
        assertEquals(8_000L, df.agg(count("name")).first().getLong(0));
        assertEquals(11_000L, df.filter(col("id").geq(1_000)).count());
        assertTrue(metrics.rowGroupsRead() > 0);
        assertEquals(0, metrics.rowGroupsFromFooters());
    }

    @Test
    void partitionColumnsOnly_answeredFromFooters() throws Exception {
        write(dir.resolve("p/k=1/a.parquet"), 0, 6_000);
        write(dir.resolve("p/k=2/a.parquet"), 0, 3_000);
        write(dir.resolve("p/k=2/b.parquet"), 0, 1_500);
        DataFrame df = spark.read().parquet(dir.resolve("p").toString());
        List<Row> counts = df.groupBy("k").count().orderBy("k").collectAsList();
        assertEquals(List.of(RowFactory.create(1, 6_000L), RowFactory.create(2, 4_500L)), counts);
        assertEquals(4_500L, df.filter(col("k").equalTo(2)).count());
        assertEquals(0, metrics.rowGroupsRead());
    }

    @Test
    void footerRowCount_sumsEveryRowGroup() throws Exception {
        write(dir.resolve("t/a.parquet"), 0, 12_000);
        write(dir.resolve("t/b.parquet"), 0, 777);
        FileScan scan = fileScan(spark.read().parquet(dir.resolve("t").toString()).plan());
        assertEquals(OptionalLong.of(12_777), ParquetSource.footerRowCount(scan.source()));
        FileScan csv = fileScan(spark.read().csv(Files.writeString(dir.resolve("x.csv"), "a\n1\n").toString()).plan());
        assertEquals(OptionalLong.empty(), ParquetSource.footerRowCount(csv.source()));
    }

    private static FileScan fileScan(LogicalPlan p) {
        if (p instanceof FileScan s) {
            return s;
        }
        for (LogicalPlan c : p.children()) {
            FileScan s = fileScan(c);
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
