package io.ember.dataframe.internal.ui;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.web.NotFoundException;
import io.ember.rdd.internal.ui.web.Rendered;
import io.ember.rdd.internal.ui.web.UiContext;
import io.ember.rdd.internal.ui.web.UiExtension;
import java.util.List;

/**
 * The web UI's SQL tab (Spark's {@code SQLTab}): the list of SQL executions at {@code /sql/},
 * one execution with its plan at {@code /sql/execution/?id=N}, and Spark's REST routes
 * {@code /api/v1/applications/<appId>/sql[/<executionId>]}. Registered in
 * {@code META-INF/services/io.ember.rdd.internal.ui.web.UiExtension}, so live UIs and the history server
 * show it whenever DataFrames are on the class path.
 */
public final class SqlTab implements UiExtension {
    /** The tab's id: its path in the UI and in the REST API. */
    static final String ID = "sql";

    /** Made by {@link java.util.ServiceLoader}. */
    public SqlTab() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "SQL";
    }

    @Override
    public List<Class<? extends ListenerEvent.Other>> eventTypes() {
        return List.of(SqlExecutionStart.class, SqlExecutionEnd.class);
    }

    @Override
    public EmberListener newListener(AppStatusStore store) {
        return new SqlStatus();
    }

    @Override
    public Rendered page(String path, UiContext ctx) {
        return switch (path) {
            case "" -> SqlPage.render(ctx);
            case "execution" -> SqlExecutionPage.render(ctx);
            default -> throw new NotFoundException("No page /sql/" + path);
        };
    }

    @Override
    public Object api(List<String> path, AppStatusStore store, long now) {
        if (path.isEmpty()) {
            return SqlJson.all(store, now);
        }
        if (path.size() > 1) {
            throw new NotFoundException("Unknown API path sql/" + String.join("/", path));
        }
        long id = executionId(path.get(0));
        return SqlJson.of(store, SqlStatus.of(store).execution(id)
                .getOrElseThrow(() -> new NotFoundException("No SQL execution " + id)), now);
    }

    private static long executionId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Not a number: " + text);
        }
    }
}
