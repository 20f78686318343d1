package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.AppSummary;
import io.ember.rdd.internal.ui.status.JobData;

/** Wraps page bodies in the common frame: head, navigation bar and auto-refresh. */
final class PageFrame {
    /** The built-in tabs, ids and titles; the application's {@link UiExtension}s' tabs follow. */
    static final String[][] TABS = {
        {"jobs", "Jobs"}, {"stages", "Stages"}, {"storage", "Storage"}, {"executors", "Executors"},
        {"environment", "Environment"},
    };

    private PageFrame() {
    }

    /**
     * The whole page. A live application with running jobs reloads itself every two seconds
     * (through {@code /static/refresh.js}); a finished one never does.
     */
    static String wrap(UiContext ctx, Rendered page) {
        AppSummary app = ctx.store().app();
        boolean refresh = !app.completed() && ctx.store().jobs().stream()
                .anyMatch(j -> j.status() == JobData.JobStatus.RUNNING);
        StringBuilder nav = new StringBuilder();
        for (String[] tab : TABS) {
            tab(nav, ctx, page, tab[0], tab[1]);
        }
        for (UiExtension extension : UiExtensions.of(ctx.store())) {
            tab(nav, ctx, page, extension.id(), extension.title());
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + Html.escape(app.name() + " - " + page.title()) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/static/ember.css\">"
                + "<script src=\"/static/refresh.js\" defer></script></head>"
                + "<body data-refresh=\"" + refresh + "\"><nav class=\"navbar\">"
                + "<span class=\"brand\">Ember <small>" + Html.escape(app.emberVersion()) + "</small></span>"
                + nav + "<span class=\"app\">" + Html.escape(app.name()) + " application UI"
                + (app.completed() ? " (ended)" : "") + "</span></nav><main><h1>" + Html.escape(page.title()) + "</h1>"
                + page.body() + "</main></body></html>\n";
    }

    private static void tab(StringBuilder nav, UiContext ctx, Rendered page, String id, String title) {
        nav.append("<a class=\"tab").append(id.equals(page.tab()) ? " active" : "")
                .append("\" id=\"tab-").append(Html.escape(id)).append("\" href=\"")
                .append(Html.escape(ctx.url("/" + id + "/"))).append("\">").append(Html.escape(title)).append("</a>");
    }

    /** A page saying what was not found. */
    static String notFound(String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
                + "<link rel=\"stylesheet\" href=\"/static/ember.css\"></head><body><main><h1>Not found</h1><p>"
                + Html.escape(message) + "</p><p><a href=\"/\">Back to the start</a></p></main></body></html>\n";
    }
}
