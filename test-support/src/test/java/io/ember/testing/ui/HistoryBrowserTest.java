package io.ember.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.JobFailedException;
import io.ember.rdd.internal.ui.history.HistoryServer;
import io.ember.testing.EmberTest;
import io.vavr.collection.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;

/**
 * A finished application's event log, served by the history server, opened in headless
 * Chromium. The application is the extension's context for these settings, stopped by the test.
 */
@Timeout(120)
@EmberTest(appName = "history-test", settings = {"ember.eventLog.dir=target/history-test-logs", "ember.task.maxFailures=1"})
class HistoryBrowserTest {
    private static final Path LOGS = Path.of("target/history-test-logs");

    @BeforeAll
    static void removeOldLogs() throws IOException {
        if (Files.exists(LOGS)) {
            try (var files = Files.walk(LOGS)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void finishedApplication_canStillBeInspected(EmberContext sc) {
        String appId = sc.applicationId();
        try (sc) {
            sc.parallelize(List.range(0, 20), 2).map(x -> x * 2).count();
            assertThrows(JobFailedException.class, () -> sc.parallelize(List.of(1), 1).foreach(x -> {
                throw new UnsupportedOperationException("logged failure");
            }));
        }
        try (HistoryServer history = new HistoryServer(LOGS, 0); HeadlessChrome browser = new HeadlessChrome()) {
            browser.open(history.url() + "/");
            assertEquals("History Server", browser.heading());
            java.util.List<WebElement> apps = browser.rows("applications");
            assertEquals(1, apps.size());
            assertTrue(apps.get(0).getText().contains("history-test") && apps.get(0).getText().contains("COMPLETED"),
                    apps.get(0).getText());
            browser.screenshot("history");

            browser.clickLink(appId);
            assertEquals("Ember Jobs", browser.heading());
            assertEquals(1, browser.rows("succeeded-jobs").size());
            assertTrue(browser.rows("failed-jobs").get(0).getText().contains("logged failure"));
            browser.clickLink("foreach at HistoryBrowserTest.java");
            assertTrue(browser.byId("job-error").getText().contains("UnsupportedOperationException: logged failure"));
            browser.screenshot("history-failed-job");
        }
    }
}
