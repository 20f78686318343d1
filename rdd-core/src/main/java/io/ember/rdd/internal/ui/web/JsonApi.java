package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.AppSummary;
import io.ember.rdd.internal.ui.status.ExecutorData;
import io.ember.rdd.internal.ui.status.StageData;
import io.ember.rdd.internal.ui.status.TaskData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST API under {@code /api/v1}, with Spark's paths: {@code /applications},
 * {@code /applications/{id}} and below it {@code /jobs[/{jobId}]}, {@code /stages[/{stageId}[/{attempt}[/taskList]]]},
 * {@code /executors}, {@code /allexecutors}, {@code /storage/rdd[/{rddId}]}, {@code /environment},
 * and below {@code /{tabId}} the routes of the application's {@link UiExtension}s (such as
 * DataFrames' {@code /sql[/{executionId}]}).
 * {@code ?status=} filters jobs and stages. Times are epoch milliseconds.
 */
final class JsonApi {
    private JsonApi() {
    }

    /** The value at {@code path} (below {@code /api/v1}), to be written as JSON. */
    static Object get(UiApplications apps, String path, Map<String, String> query) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty() || !parts.get(0).equals("applications")) {
            throw new NotFoundException("Unknown API path " + path + "; try /api/v1/applications");
        }
        if (parts.size() == 1) {
            List<Object> all = new ArrayList<>();
            apps.all().get().forEach(store -> all.add(application(store.app())));
            return all;
        }
        AppStatusStore store = apps.get(parts.get(1))
                .getOrElseThrow(() -> new NotFoundException("No application " + parts.get(1)));
        if (parts.size() == 2) {
            return application(store.app());
        }
        List<String> rest = parts.subList(2, parts.size());
        String status = query.getOrDefault("status", "").toUpperCase(Locale.ROOT);
        return switch (rest.get(0)) {
            case "jobs" -> rest.size() == 1
                    ? store.jobs().stream().filter(j -> status.isEmpty() || j.status().name().equals(status)).toList()
                    : store.job(number(rest.get(1))).getOrElseThrow(() -> new NotFoundException("No job " + rest.get(1)));
            case "stages" -> stages(store, rest, status);
            case "executors" -> store.executors().stream().filter(ExecutorData::isActive).toList();
            case "allexecutors" -> store.executors();
            case "storage" -> storage(store, rest);
            case "environment" -> store.environment();
            default -> io.vavr.collection.List.ofAll(UiExtensions.of(store)).find(e -> e.id().equals(rest.get(0)))
                    .getOrElseThrow(() -> new NotFoundException("Unknown API path " + path))
                    .api(List.copyOf(rest.subList(1, rest.size())), store, System.currentTimeMillis());
        };
    }

    private static Object stages(AppStatusStore store, List<String> rest, String status) {
        if (rest.size() == 1) {
            return store.stages().stream().filter(s -> status.isEmpty() || s.status().name().equals(status)).toList();
        }
        int stageId = number(rest.get(1));
        if (rest.size() == 2) {
            List<StageData> attempts = store.stageAttempts(stageId);
            if (attempts.isEmpty()) {
                throw new NotFoundException("No stage " + stageId);
            }
            return attempts;
        }
        int attempt = number(rest.get(2));
        StageData stage = store.stage(stageId, attempt)
                .getOrElseThrow(() -> new NotFoundException("No attempt " + attempt + " of stage " + stageId));
        List<TaskData> tasks = store.tasks(stageId, attempt);
        if (rest.size() == 4 && rest.get(3).equals("taskList")) {
            return tasks;
        }
        Map<String, Object> withTasks = new LinkedHashMap<>(io.ember.rdd.internal.ui.json.Json.componentsOf(stage));
        Map<String, TaskData> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(Long.toString(t.taskId()), t));
        withTasks.put("tasks", byId);
        return withTasks;
    }

    private static Object storage(AppStatusStore store, List<String> rest) {
        if (rest.size() < 2 || !rest.get(1).equals("rdd")) {
            throw new NotFoundException("Unknown API path: try storage/rdd");
        }
        if (rest.size() == 2) {
            return store.storage();
        }
        int rddId = number(rest.get(2));
        return store.rdd(rddId).getOrElseThrow(() -> new NotFoundException("RDD " + rddId + " is not persisted"));
    }

    private static Map<String, Object> application(AppSummary app) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("startTime", app.startTime());
        attempt.put("endTime", app.endTime());
        attempt.put("duration", app.duration(System.currentTimeMillis()));
        attempt.put("user", app.user());
        attempt.put("completed", app.completed());
        attempt.put("emberVersion", app.emberVersion());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", app.id());
        result.put("name", app.name());
        result.put("master", app.master());
        result.put("attempts", List.of(attempt));
        return result;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Not a number: " + text);
        }
    }
}
