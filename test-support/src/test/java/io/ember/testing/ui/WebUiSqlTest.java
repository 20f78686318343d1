package io.ember.testing.ui;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.rdd.EmberContext;
import io.ember.testing.EmberTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
@EmberTest(master = "local[2]", appName = "sql-ui-test", settings = {"ember.ui.enabled=true", "ember.ui.port=0"})
class WebUiSqlTest {
    @Test
    void explore(EmberContext sc, EmberSession spark) throws Exception {
        DataFrame orders = spark.range(0, 100, 1, 4).withColumn("customer", col("id").mod(5));
        DataFrame customers = spark.range(0, 4, 1, 1).withColumnRenamed("id", "customer");
        DataFrame result = orders.filter(col("id").geq(40)).join(customers, "customer").groupBy("customer")
                .agg(count(col("id")).as("orders"));
        System.out.println(java.util.Arrays.toString(result.collect()));
        Thread.sleep(500);
        String api = sc.uiWebUrl().get() + "/api/v1/applications/" + sc.applicationId() + "/sql";
        System.out.println(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
