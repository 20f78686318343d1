package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.ListenerEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DataFrame action on a CSV scan is described by the user's line (the jobs' call site and the
 * names of their stages), never by Ember's internals such as {@code CsvSource.java} or
 * {@code PhysicalPlan.java}; and the scan's tasks report the bytes of the file they read.
 */
@Timeout(60)
class CallSitesAndInputBytesTest {

    @Test
    void csvCount_isAttributedToTheCallersLine_andItsTasksReadTheFilesBytes(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder("name,age\n");
        long adults = 0;
        int longestLine = 0;
        for (int i = 0; i < 3000; i++) {
            String line = "person-" + i + "," + (i % 90) + "\n";
            text.append(line);
            longestLine = Math.max(longestLine, line.length());
            adults += i % 90 >= 18 ? 1 : 0;
        }
        Path csv = Files.writeString(dir.resolve("people.csv"), text);
        List<ListenerEvent> events = new CopyOnWriteArrayList<>();
        EmberSession spark = TestSession.get();
        io.ember.rdd.EmberListener listener = events::add;
        spark.context().addListener(listener);
        try {
            DataFrame people = spark.read().option("header", "true")
                    .schema(new StructType().add("name", DataTypes.StringType).add("age", DataTypes.IntegerType))
                    .csv(csv.toString());
            long counted = people.filter(col("age").geq(18)).count(); int line = lineHere();
            assertEquals(adults, counted);

            awaitJobsEnded(events);
            String site = "count at CallSitesAndInputBytesTest.java:" + line;
            List<ListenerEvent.JobStart> jobs = events.stream().filter(ListenerEvent.JobStart.class::isInstance)
                    .map(ListenerEvent.JobStart.class::cast).toList();
            assertFalse(jobs.isEmpty());
            for (ListenerEvent.JobStart job : jobs) {
                assertEquals(site, job.callSite());
                for (ListenerEvent.StageInfo stage : job.stages()) {
                    assertTrue(stage.name().endsWith(" at CallSitesAndInputBytesTest.java:" + line), stage.name());
                    assertFalse(stage.rddLineage().contains("CsvSource.java") || stage.rddLineage().contains("PhysicalPlan.java"),
                            stage.rddLineage());
                }
            }

            long bytesRead = events.stream().filter(ListenerEvent.TaskEnd.class::isInstance)
                    .mapToLong(e -> ((ListenerEvent.TaskEnd) e).metrics().bytesRead()).sum();
            long scanTasks = events.stream().filter(ListenerEvent.TaskEnd.class::isInstance)
                    .filter(e -> ((ListenerEvent.TaskEnd) e).metrics().bytesRead() > 0).count();
            long size = Files.size(csv);
            // each split also reads the end of the line that crosses its start (and skips it)
            assertTrue(bytesRead >= size && bytesRead <= size + scanTasks * longestLine,
                    bytesRead + " bytes read by " + scanTasks + " tasks from a file of " + size);
        } finally {
            spark.context().removeListener(listener);
        }
    }

    private static int lineHere() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    private static void awaitJobsEnded(List<ListenerEvent> events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.stream().filter(ListenerEvent.JobStart.class::isInstance).count()
                > events.stream().filter(ListenerEvent.JobEnd.class::isInstance).count()
                || events.stream().noneMatch(ListenerEvent.JobEnd.class::isInstance)) {
            assertTrue(System.nanoTime() < deadline, "jobs did not end: " + events);
            Thread.sleep(20);
        }
    }
}
