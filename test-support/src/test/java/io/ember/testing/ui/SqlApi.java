package io.ember.testing.ui;

import io.ember.rdd.internal.ui.json.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the UI's SQL executions through {@code /api/v1/applications/<id>/sql}, for the SQL page tests. */
final class SqlApi {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private SqlApi() {
    }

    /** The body of a GET of {@code url}. */
    static String get(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ended execution whose description contains {@code text}, waiting up to 10 s for its end. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ended(String sqlApi, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Object item : (List<Object>) JsonParser.parse(get(sqlApi))) {
                Map<String, Object> execution = (Map<String, Object>) item;
                if (String.valueOf(execution.get("description")).contains(text)
                        && !"RUNNING".equals(execution.get("status"))) {
                    return execution;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no ended SQL execution described by '" + text + "' in " + get(sqlApi));
    }

    /** Each node's {@code "<id> <name>"} and its row count ({@code -1} if it has none), in id order. */
    @SuppressWarnings("unchecked")
    static Map<String, Long> rowsByNode(Map<String, Object> execution) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Object item : (List<Object>) execution.get("nodes")) {
            Map<String, Object> node = (Map<String, Object>) item;
            List<Map<String, Object>> metrics = (List<Map<String, Object>>) node.get("metrics");
            rows.put(node.get("nodeId") + " " + node.get("nodeName"),
                    metrics.isEmpty() ? -1 : Long.parseLong(String.valueOf(metrics.get(0).get("value"))));
        }
        return rows;
    }
}
