package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.internal.io.MalformedRecordException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CSV {@code multiLine}: quoted fields holding line breaks. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CsvMultiLineTest {
    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    @Test
    void quotedLineBreaks_stayInTheirField() throws IOException {
        Path p = dir.resolve("m.csv");
        Files.writeString(p, "id,text\n1,\"first\nsecond\"\n2,plain\n3,\"a \"\"quoted\"\"\nline\"\n4,\n");
        List<Row> rows = spark.read().option("header", "true").option("multiLine", "true").option("inferSchema", "true")
                .csv(p.toString()).collectAsList();
        assertEquals(List.of(RowFactory.create(1, "first\nsecond"), RowFactory.create(2, "plain"),
                RowFactory.create(3, "a \"quoted\"\nline"), RowFactory.create(4, null)), rows);
        assertEquals(6, spark.read().option("header", "true").csv(p.toString()).count(),
                "without multiLine each line is a record, as in Spark");
    }

    @Test
    void unclosedQuote_failFastNamesTheLineTheRecordStarts() throws IOException {
        Path p = dir.resolve("u.csv");
        Files.writeString(p, "1,ok\n2,\"never closed\n3,x\n");
        Exception e = assertThrows(Exception.class, () -> spark.read().schema("n INT, s STRING")
                .option("multiLine", "true").option("mode", "FAILFAST").csv(p.toString()).collectAsList());
        Throwable t = e;
        while (t != null && !(t instanceof MalformedRecordException)) {
            t = t.getCause();
        }
        assertNotNull(t, e.toString());
        assertEquals(2, ((MalformedRecordException) t).line());
        assertEquals(List.of(RowFactory.create(1, "ok")), spark.read().schema("n INT, s STRING")
                .option("multiLine", "true").option("mode", "DROPMALFORMED").csv(p.toString()).collectAsList());
    }
}
