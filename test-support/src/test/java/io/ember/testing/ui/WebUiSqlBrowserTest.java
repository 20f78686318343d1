package io.ember.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.EmberSession;
import io.ember.rdd.EmberContext;
import io.ember.testing.EmberTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Opens the SQL page of a running application in headless Chromium: the query is listed, and its
 * page shows the physical plan as a tree with each operator's rows. Screenshots go to
 * target/screenshots.
 */
@Timeout(120)
@EmberTest(appName = "sql-browser-test", settings = {"ember.ui.enabled=true", "ember.ui.port=0"})
class WebUiSqlBrowserTest {

    @Test
    void sqlPage_showsThePlanTreeWithRowCounts(EmberContext sc, EmberSession spark) throws Exception {
        WebUiSqlTest.ordersPerCustomer(spark).collect();
        String url = sc.uiWebUrl().get();
        String api = url + "/api/v1/applications/" + sc.applicationId() + "/sql";
        SqlApi.ended(api, "collect at WebUiSqlBrowserTest.java");
        try (HeadlessChrome browser = new HeadlessChrome()) {
            browser.open(url + "/jobs/");
            browser.clickLink("SQL");
            assertEquals("SQL", browser.heading());
            List<WebElement> queries = browser.rows("completed-queries");
            assertTrue(queries.stream().anyMatch(r -> r.getText().contains("collect at WebUiSqlBrowserTest.java")),
                    queries.toString());
            browser.screenshot("sql");

            browser.clickLink("collect at WebUiSqlBrowserTest.java");
            assertTrue(browser.heading().startsWith("Details for Query "), browser.heading());
            assertTrue(browser.byId("sql-status").getText().contains("COMPLETED"));
            WebElement plan = browser.byId("sql-plan");
            List<WebElement> nodes = plan.findElements(By.className("plan-node"));
            assertEquals(WebUiSqlTest.expectedRows().size(), nodes.size());
            for (Map.Entry<String, Long> expected : WebUiSqlTest.expectedRows().entrySet()) {
                String[] idAndName = expected.getKey().split(" ");
                WebElement node = browser.byId("plan-node-" + idAndName[0]);
                assertTrue(node.getText().startsWith(idAndName[1]), node.getText());
                assertTrue(node.getText().contains("number of output rows: " + expected.getValue()), node.getText());
            }
            WebElement filter = browser.byId("plan-node-6");
            assertTrue(filter.getText().contains("Filter (id#"), filter.getText());
            WebElement scan = filter.findElement(By.xpath("./ancestor::li[1]/ul/li/div[@class='plan-node']"));
            assertEquals("plan-node-7", scan.getAttribute("id"), "the Range scan is nested under the Filter");
            browser.screenshot("sql-execution");
        }
    }
}
