package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.internal.ui.eventlog.EventLogReader;
import io.ember.rdd.internal.ui.history.HistoryServer;
import io.vavr.collection.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A UI extension found on the class path (the tests' {@link NotesTab}) gets a tab, pages and API
 * routes in the live UI, its events in the event log, and the same pages in the history server.
 */
@Timeout(60)
class UiExtensionTest {

    @Test
    void extension_servesItsTabLiveAndFromTheEventLog(@TempDir Path dir) throws Exception {
        String appId;
        String liveNotes;
        try (EmberContext sc = EmberContext.builder().master("local[1]").config(UiConf.UI_PORT, "0")
                .config(UiConf.EVENT_LOG_DIR, dir.toString()).getOrCreate()) {
            appId = sc.applicationId();
            String ui = sc.uiWebUrl().get();
            String api = ui + "/api/v1/applications/" + appId + "/notes";
            sc.postEvent(new NotesTab.NoteAdded("first <note>", 1));
            sc.parallelize(List.range(0, 4), 2).count();
            sc.postEvent(new NotesTab.NoteAdded("second", 2));
            Http.await("both notes", () -> Http.body(api).contains("second"));
            liveNotes = Http.body(api);
            assertEquals(java.util.List.of("first <note>", "second"), Http.json(api));
            String page = Http.body(ui + "/notes/");
            assertTrue(page.contains("<li>first &lt;note&gt;</li><li>second</li>"), page);
            assertTrue(page.contains("class=\"tab active\" id=\"tab-notes\""), page);
            assertTrue(Http.body(ui + "/jobs/").contains("id=\"tab-notes\" href=\"/notes/\">Notes</a>"));
            assertEquals(404, Http.get(ui + "/notes/missing/").statusCode());
            assertEquals(404, Http.get(api + "/missing").statusCode());
            assertEquals(404, Http.get(ui + "/nothing/").statusCode());
        }
        assertEquals(java.util.List.of("first <note>", "second"),
                NotesTab.notes(EventLogReader.replay(dir.resolve(appId))).texts());
        try (HistoryServer history = new HistoryServer(dir, 0)) {
            assertEquals(liveNotes, Http.body(history.url() + "/api/v1/applications/" + appId + "/notes"));
            assertTrue(Http.body(history.url() + "/history/" + appId + "/notes/").contains("<li>second</li>"));
        }
    }
}
