package io.ember.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.JobFailedException;
import io.ember.testing.EmberTest;
import io.vavr.Tuple;
import io.vavr.collection.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;

/**
 * Opens the web UI of a running application in headless Chromium: a finished job and its
 * stages, every executor, and a failed job with its error. Screenshots go to target/screenshots.
 */
@Timeout(120)
@EmberTest(master = "local[3]", appName = "browser-test",
        settings = {"ember.ui.enabled=true", "ember.ui.port=0", "ember.task.maxFailures=1"})
class WebUiBrowserTest {
    private static HeadlessChrome browser;
    private static String url;
    private static io.ember.rdd.RDD<String> cached;

    @BeforeAll
    static void runJobsAndOpenBrowser(EmberContext sc) throws Exception {
        url = sc.uiWebUrl().get();
        sc.parallelize(List.range(0, 1000), 6).mapToPair(x -> Tuple.of(x % 10, x)).reduceByKey(Integer::sum, 3)
                .count();
        cached = sc.parallelize(List.range(0, 500), 5).map(x -> "line " + x).setName("cached lines").cache();
        cached.count();
        assertThrows(JobFailedException.class, () -> sc.parallelize(List.of("ok", "bad"), 2).map(s -> {
            if (s.equals("bad")) {
                throw new IllegalStateException("bad record in the browser test");
            }
            return s;
        }).collect());
        awaitJobs(url + "/api/v1/applications/" + sc.applicationId() + "/jobs");
        browser = new HeadlessChrome();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void finishedJob_andItsStages_appear() {
        browser.open(url + "/jobs/");
        assertEquals("Ember Jobs", browser.heading());
        java.util.List<WebElement> succeeded = browser.rows("succeeded-jobs");
        assertEquals(2, succeeded.size());
        WebElement first = succeeded.get(succeeded.size() - 1);
        assertTrue(first.getText().contains("count at WebUiBrowserTest.java"), first.getText());
        assertTrue(first.getText().contains("9/9"), "6 map and 3 reduce tasks: " + first.getText());
        browser.screenshot("jobs");

        browser.clickLink(first.findElement(org.openqa.selenium.By.tagName("a")).getText());
        assertEquals("Details for Job 0", browser.heading());
        assertTrue(browser.byId("job-status").getText().contains("SUCCEEDED"));
        java.util.List<WebElement> stages = browser.rows("job-stages");
        assertEquals(2, stages.size());
        assertTrue(stages.stream().allMatch(r -> r.getText().contains("COMPLETE")));
        browser.screenshot("job-0");

        browser.clickLink("mapToPair at WebUiBrowserTest.java");
        assertEquals("Details for Stage 0 (Attempt 0)", browser.heading());
        assertEquals(6, browser.rows("tasks").size());
        assertEquals(6, browser.byId("timeline").findElements(org.openqa.selenium.By.className("task")).size());
        assertTrue(browser.rows("tasks").get(0).getText().contains("SUCCESS"));
        browser.screenshot("stage-0");
    }

    @Test
    void failedJob_showsItsError() {
        browser.open(url + "/jobs/");
        java.util.List<WebElement> failed = browser.rows("failed-jobs");
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).getText().contains("bad record in the browser test"), failed.get(0).getText());
        browser.clickLink("collect at WebUiBrowserTest.java");
        assertTrue(browser.byId("job-status").getText().contains("FAILED"));
        assertTrue(browser.byId("job-error").getText().contains("IllegalStateException: bad record in the browser test"),
                browser.byId("job-error").getText());
        browser.screenshot("failed-job");
        browser.open(url + "/stages/");
        assertTrue(browser.rows("failed-stages").get(0).getText().contains("bad record"));
        browser.screenshot("stages");
    }

    @Test
    void cachedRdd_appearsWithItsSizes() {
        browser.open(url + "/storage/");
        java.util.List<WebElement> rows = browser.rows("rdds");
        assertEquals(1, rows.size());
        String row = rows.get(0).getText();
        assertTrue(row.contains("cached lines") && row.contains("Memory Deserialized 1x Replicated") && row.contains("100%"),
                row);
        assertTrue(!row.contains(" 0.0 B  0.0 B"), "some bytes in memory: " + row);
        browser.screenshot("storage");
        browser.clickLink("cached lines");
        assertEquals("RDD Storage Info for cached lines", browser.heading());
        int partitions = browser.rows("rdd-executors").stream()
                .mapToInt(r -> Integer.parseInt(r.findElements(org.openqa.selenium.By.tagName("td")).get(1).getText()))
                .sum();
        assertEquals(5, partitions);
        browser.screenshot("storage-rdd");
    }

    @Test
    void everyExecutor_appears(EmberContext sc) {
        browser.open(url + "/executors/");
        java.util.List<WebElement> rows = browser.rows("executors");
        assertEquals(sc.executors().size(), rows.size());
        for (var executor : sc.executors()) {
            assertTrue(rows.stream().anyMatch(r -> r.getText().startsWith(executor.id())
                    && r.getText().contains(executor.address()) && r.getText().contains("Active")), executor.toString());
        }
        browser.screenshot("executors");
    }

    @Test
    void environment_showsTheSettings() {
        browser.open(url + "/environment/");
        assertTrue(browser.byId("ember-properties").getText().contains("browser-test"));
        assertTrue(browser.byId("runtime").getText().contains("Java Version"));
        browser.screenshot("environment");
    }

    private static void awaitJobs(String jobsApi) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String jobs = client.send(HttpRequest.newBuilder(URI.create(jobsApi)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (jobs.contains("SUCCEEDED") && jobs.contains("FAILED")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("jobs did not end in the UI");
    }
}
