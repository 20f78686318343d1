package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.AppSummary;
import java.util.ArrayList;
import java.util.List;

/** The history server's start page: every logged application, linking to its UI. */
final class HistoryPage {
    private HistoryPage() {
    }

    static String render(UiApplications apps, String version, String source, long now) {
        List<List<String>> rows = new ArrayList<>();
        for (AppStatusStore store : apps.all().get()) {
            AppSummary app = store.app();
            String href = apps.base(store) + "/jobs/";
            rows.add(List.of(Html.link(href, app.id()), Html.link(href, app.name()), Html.escape(app.master()),
                    Format.time(app.startTime()), app.completed() ? Format.time(app.endTime()) : "",
                    Format.duration(app.duration(now)), Html.escape(app.user()),
                    Html.status(app.completed() ? "COMPLETED" : "INCOMPLETE")));
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ember History Server</title>"
                + "<link rel=\"stylesheet\" href=\"/static/ember.css\"></head><body><nav class=\"navbar\">"
                + "<span class=\"brand\">Ember <small>" + Html.escape(version) + "</small></span>"
                + "<span class=\"app\">History Server</span></nav><main><h1>History Server</h1>"
                + "<ul class=\"summary\"><li><strong>Event log directory:</strong> " + Html.escape(source)
                + "</li></ul>" + Html.table("applications", List.of("App ID", "App Name", "Master", "Started",
                "Completed", "Duration", "User", "Status"), rows, "No event logs found.")
                + "</main></body></html>\n";
    }
}
