package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.JobFailedException;
import io.ember.rdd.internal.ui.eventlog.EventLogReader;
import io.ember.rdd.internal.ui.history.HistoryServer;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.JobData;
import io.vavr.Tuple;
import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The event log is written as JSON lines, finalized at stop, and the history server replays it as the same UI. */
@Timeout(60)
class EventLogTest {

    @Test
    void finishedApplication_isServedByTheHistoryServerAsItWasLive(@TempDir Path dir) throws Exception {
        String appId;
        String liveJobs;
        String liveStages;
        String liveExecutors;
        String liveStorage;
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("logged")
                .config(UiConf.EVENT_LOG_DIR, dir.toString()).config(UiConf.UI_PORT, "0")
                .config("ember.task.maxFailures", "1").getOrCreate()) {
            appId = sc.applicationId();
            assertTrue(Files.exists(dir.resolve(appId + ".inprogress")));
            var groups = sc.parallelize(List.range(0, 50), 4).mapToPair(x -> Tuple.of(x % 5, x)).groupByKey().cache();
            groups.count();
            assertThrows(JobFailedException.class, () -> sc.parallelize(List.of(1, 2), 2).foreach(x -> {
                throw new IllegalArgumentException("no " + x);
            }));
            String api = sc.uiWebUrl().get() + "/api/v1/applications/" + appId;
            Http.await("the failed job", () -> Http.body(api + "/jobs").contains("FAILED"));
            liveJobs = Http.body(api + "/jobs");
            liveStages = Http.body(api + "/stages");
            liveExecutors = Http.body(api + "/allexecutors");
            liveStorage = Http.body(api + "/storage/rdd");
            assertTrue(liveStorage.contains("\"id\": " + groups.id()), liveStorage);
        }
        Path log = dir.resolve(appId);
        assertTrue(Files.exists(log), "renamed when the application ended");
        assertFalse(Files.exists(dir.resolve(appId + ".inprogress")));
        java.util.List<String> lines = Files.readAllLines(log);
        assertTrue(lines.get(0).startsWith("{\"Event\":\"LogStart\""), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"Event\":\"TaskEnd\"")));
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"Event\":\"ApplicationEnd\""), lines.get(lines.size() - 1));

        try (HistoryServer history = new HistoryServer(dir, 0)) {
            String api = history.url() + "/api/v1/applications/" + appId;
            assertEquals(liveJobs, Http.body(api + "/jobs"));
            assertEquals(liveStages, Http.body(api + "/stages"));
            assertEquals(liveExecutors, Http.body(api + "/allexecutors"));
            assertEquals(liveStorage, Http.body(api + "/storage/rdd"));
            assertTrue(Http.body(history.url() + "/").contains(appId));
            String failedJob = Http.body(history.url() + "/history/" + appId + "/jobs/job/?id=1");
            assertTrue(Http.body(history.url() + "/history/" + appId + "/storage/").contains("Memory Deserialized"));
            assertTrue(failedJob.contains("no 1") || failedJob.contains("no 2"), failedJob);
            assertTrue(Http.body(history.url() + "/history/" + appId + "/environment/").contains("logged"));
            assertEquals(404, Http.get(history.url() + "/history/nope/jobs/").statusCode());
        }
    }

    @Test
    void truncatedLog_replaysUpToItsLastCompleteLine(@TempDir Path dir) throws Exception {
        String appId;
        try (EmberContext sc = EmberContext.builder().master("local[1]").config(UiConf.UI_ENABLED, "false")
                .config(UiConf.EVENT_LOG_DIR, dir.toString()).getOrCreate()) {
            appId = sc.applicationId();
            sc.parallelize(List.range(0, 10), 2).count();
        }
        Path log = dir.resolve(appId);
        String text = Files.readString(log);
        Path cut = dir.resolve("cut.inprogress");
        Files.writeString(cut, text.substring(0, text.lastIndexOf("{\"Event\":\"ApplicationEnd\"") + 10));
        AppStatusStore store = EventLogReader.replay(cut);
        assertEquals(appId, store.appId());
        assertFalse(store.app().completed());
        assertEquals(JobData.JobStatus.SUCCEEDED, store.jobs().get(0).status());
        assertEquals(2, store.tasks(0, 0).size());
    }

    @Test
    void notAnEventLog_isRejected(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertThrows(IllegalArgumentException.class, () -> EventLogReader.replay(other));
        try (HistoryServer history = new HistoryServer(dir, 0)) {
            assertTrue(history.applications().isEmpty());
        }
        assertThrows(IllegalArgumentException.class, () -> new HistoryServer(other, 0));
    }
}
