package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.internal.ui.history.HistoryServer;
import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret given as a setting (or a system property) is shown nowhere: not on the Environment
 * page, not in the JSON API, not in the event log nor the history server that replays it
 * (issue 17, defect 2). Ordinary settings stay visible.
 */
@Timeout(60)
class SecretRedactionTest {
    private static final String SECRET = "cluster-secret-value-0123456789";
    private static final String PASSWORD = "db-password-value";
    private static final String ACCESS_KEY = "AKIA-access-key-value";
    private static final String PROPERTY_TOKEN = "system-property-token-value";
    private static final String REDACTED = "*********(redacted)";

    @TempDir
    static Path logDir;
    private static EmberContext sc;
    private static String api;
    private static String url;

    @BeforeAll
    static void start() {
        System.setProperty("ember.test.auth.token", PROPERTY_TOKEN);
        try {
            sc = EmberContext.builder().master("local[1]").appName("redaction-test").config(UiConf.UI_PORT, "0")
                    .config(UiConf.EVENT_LOG_DIR, logDir.toString())
                    .config("ember.cluster.secret", SECRET).config("ember.db.password", PASSWORD)
                    .config("ember.s3.accessKey", ACCESS_KEY).config("ember.shuffle.memory", "64m").getOrCreate();
        } finally {
            System.clearProperty("ember.test.auth.token");
        }
        url = sc.uiWebUrl().get();
        api = url + "/api/v1/applications/" + sc.applicationId();
        sc.parallelize(List.range(0, 10), 2).count();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    @Test
    void secretIsRedactedOnEnvironmentPage() {
        String page = Http.body(url + "/environment/");
        assertNoSecret(page);
        assertTrue(page.contains("ember.cluster.secret") && page.contains(REDACTED), page);
        assertTrue(page.contains("ember.shuffle.memory") && page.contains("64m"), "ordinary settings stay visible");
    }

    @Test
    void secretIsRedactedInEnvironmentApi() {
        Map<?, ?> env = (Map<?, ?>) Http.json(api + "/environment");
        Map<?, ?> ember = (Map<?, ?>) env.get("emberProperties");
        assertEquals(REDACTED, ember.get("ember.cluster.secret"));
        assertEquals(REDACTED, ember.get("ember.db.password"));
        assertEquals(REDACTED, ember.get("ember.s3.accessKey"));
        assertEquals("64m", ember.get("ember.shuffle.memory"));
        assertEquals(REDACTED, ((Map<?, ?>) env.get("systemProperties")).get("ember.test.auth.token"));
        assertNoSecret(Http.body(api + "/environment"));
    }

    @Test
    void secretIsRedactedInEventLogAndHistory() throws Exception {
        Http.await("the event log to hold the first job", () -> {
            try {
                return Files.readString(logDir.resolve(sc.applicationId() + ".inprogress")).contains("JobEnd");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String log = Files.readString(logDir.resolve(sc.applicationId() + ".inprogress"));
        assertNoSecret(log);
        assertTrue(log.contains("\"ember.cluster.secret\":\"" + REDACTED + "\""), log);
        try (HistoryServer history = new HistoryServer(logDir, 0)) {
            assertNoSecret(Http.body(history.url() + "/history/" + sc.applicationId() + "/environment/"));
        }
    }

    @Test
    void secretIsRedactedInConfToString() {
        String text = sc.conf().toString();
        assertNoSecret(text);
        assertTrue(text.contains("ember.shuffle.memory") && text.contains("64m"), text);
    }

    private static void assertNoSecret(String text) {
        for (String secret : java.util.List.of(SECRET, PASSWORD, ACCESS_KEY, PROPERTY_TOKEN)) {
            assertFalse(text.contains(secret), "shows " + secret + ":\n" + text);
        }
    }
}
