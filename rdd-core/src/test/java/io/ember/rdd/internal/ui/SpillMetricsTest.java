package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.PairRDD;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.internal.ui.eventlog.EventLogReader;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.StageData;
import io.vavr.Tuple;
import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spills are counted per task (Spark's memoryBytesSpilled, diskBytesSpilled,
 * peakExecutionMemory), summed per stage, shown on the stage pages and in the REST API, and
 * written to the event log, which the history server replays with them; an older log without
 * them still loads.
 */
@Timeout(90)
class SpillMetricsTest {
    private static final String[] FIELDS = {"memoryBytesSpilled", "diskBytesSpilled", "peakExecutionMemory"};

    @Test
    void spillingGroupByKey_reportsSpills_inListenersUiRestAndTheEventLog(@TempDir Path dir) throws Exception {
        String appId;
        long[] listened = new long[3];
        java.util.List<Map<?, ?>> liveStages;
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("spill-metrics")
                .config(UiConf.UI_PORT, "0").config(UiConf.EVENT_LOG_DIR, dir.toString())
                .config("ember.shuffle.memory", "1m").getOrCreate()) {
            appId = sc.applicationId();
            CopyOnWriteArrayList<TaskMetrics> ended = new CopyOnWriteArrayList<>();
            sc.addListener(e -> {
                if (e instanceof ListenerEvent.TaskEnd end) {
                    ended.add(end.metrics());
                }
            });
            int n = 120_000;
            Map<Integer, Long> expected = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                expected.merge(i % 1000, (long) i, Long::sum);
            }
            List<io.vavr.Tuple2<Integer, Long>> groups = PairRDD.of(sc.range(0, n, 1, 2)
                            .map(i -> Tuple.of((int) (i % 1000), i + "-" + "x".repeat(40))))
                    .groupByKey(2).mapValues(vs -> {
                        long sum = 0;
                        for (String v : vs) {
                            sum += Long.parseLong(v.substring(0, v.indexOf('-')));
                        }
                        return sum;
                    }).collect();
            Map<Integer, Long> actual = new TreeMap<>();
            groups.forEach(g -> actual.put(g._1, g._2));
            assertEquals(expected, actual, "groupByKey through spills is exact");

            String api = sc.uiWebUrl().get() + "/api/v1/applications/" + appId;
            Http.await("the job's stages to complete", () -> Http.body(api + "/stages").contains("COMPLETE")
                    && !Http.body(api + "/stages").contains("ACTIVE"));
            for (TaskMetrics m : ended) {
                listened[0] += m.memoryBytesSpilled();
                listened[1] += m.diskBytesSpilled();
                listened[2] += m.peakExecutionMemory();
            }
            assertTrue(listened[0] > 0 && listened[1] > 0 && listened[2] > 0, java.util.Arrays.toString(listened));

            liveStages = new ArrayList<>();
            for (Object stage : (java.util.List<?>) Http.json(api + "/stages")) {
                liveStages.add((Map<?, ?>) stage);
            }
            long[] summed = new long[3];
            for (Map<?, ?> stage : liveStages) {
                for (int f = 0; f < FIELDS.length; f++) {
                    assertTrue(stage.containsKey(FIELDS[f]), FIELDS[f] + " in " + stage);
                    summed[f] += ((Number) stage.get(FIELDS[f])).longValue();
                }
            }
            assertEquals(List.ofAll(listened), List.ofAll(summed), "the stages sum their tasks' metrics");
            Map<?, ?> spilling = liveStages.stream().filter(s -> ((Number) s.get("diskBytesSpilled")).longValue() > 0)
                    .findFirst().orElseThrow();
            String tasks = Http.body(api + "/stages/" + spilling.get("stageId") + "/0/taskList");
            for (String field : FIELDS) {
                assertTrue(tasks.contains("\"" + field + "\""), tasks);
            }
            String url = sc.uiWebUrl().get();
            String stagePage = Http.body(url + "/stages/stage/?id=" + spilling.get("stageId") + "&attempt=0");
            for (String label : new String[] {"Spill (Memory)", "Spill (Disk)", "Peak Execution Memory"}) {
                assertTrue(stagePage.contains(label), label + " on the stage page");
            }
            String stagesPage = Http.body(url + "/stages/");
            assertTrue(stagesPage.contains("Spill (Memory)") && stagesPage.contains("Spill (Disk)"), "stage table columns");
            assertTrue(Http.body(url + "/jobs/job/?id=0").contains("Spill (Disk)"), "the job's stage table too");
        }

        Path log = dir.resolve(appId);
        AppStatusStore replayed = EventLogReader.replay(log);
        long[] fromLog = new long[3];
        for (StageData stage : replayed.stages()) {
            fromLog[0] += stage.memoryBytesSpilled();
            fromLog[1] += stage.diskBytesSpilled();
            fromLog[2] += stage.peakExecutionMemory();
        }
        assertEquals(List.ofAll(listened), List.ofAll(fromLog), "the history replays the spills");

        // a log written before the fields existed: the same lines without them
        Path old = dir.resolve("old").resolve(appId);
        Files.createDirectories(old.getParent());
        java.util.List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            lines.add(line.replaceAll(",\"memoryBytesSpilled\":\\d+,\"diskBytesSpilled\":\\d+,\"peakExecutionMemory\":\\d+",
                    ""));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"Event\":\"TaskEnd\"")));
        assertFalse(String.join("\n", lines).contains("Spilled"), "the fields were removed");
        Files.write(old, lines);
        AppStatusStore older = EventLogReader.replay(old);
        assertEquals(replayed.stages().size(), older.stages().size());
        for (StageData stage : older.stages()) {
            assertEquals(0, stage.memoryBytesSpilled() + stage.diskBytesSpilled() + stage.peakExecutionMemory());
            assertEquals(StageData.StageStatus.COMPLETE, stage.status());
        }
    }
}
