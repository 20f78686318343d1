package io.ember.rdd.internal.ui.web;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import java.util.List;

/**
 * A tab of the web UI that an engine layer above the RDDs contributes, with its own events, state,
 * pages and JSON API, as Spark's SQL tab lives in sql/core rather than in core. Implementations
 * are found with {@link java.util.ServiceLoader} (a {@code META-INF/services/io.ember.rdd.internal.ui.web.UiExtension}
 * file naming a public class with a public no-argument constructor), by live UIs and by the
 * history server alike, so a tab appears whenever its module is on the class path.
 *
 * <p>For each application, {@link #newListener} makes the extension's state, which is then fed
 * every event of that application (live, or replayed from an event log) and kept in the
 * application's {@link AppStatusStore} under {@link #id()}; pages and API routes find it there
 * with {@link AppStatusStore#extension}. Events are delivered on one thread; pages and API
 * calls come from the web server's threads, so the state guards itself.
 *
 * <pre>{@code
 * public final class SqlTab implements UiExtension {
 *     public String id() { return "sql"; }          // pages under /sql/, API under .../sql
 *     public String title() { return "SQL"; }
 *     public List<Class<? extends ListenerEvent.Other>> eventTypes() { return List.of(SqlExecutionStart.class); }
 *     public EmberListener newListener(AppStatusStore store) { return new SqlStatus(); }
 *     public Rendered page(String path, UiContext ctx) { ... }
 *     public Object api(List<String> path, AppStatusStore store, long now) { ... }
 * }
 * }</pre>
 */
public interface UiExtension {

    /**
     * The tab's id: its pages live under {@code /<id>/}, its JSON under
     * {@code /api/v1/applications/<appId>/<id>}, and its state in the store under this key. Must
     * not be one of the built-in tabs' ids (jobs, stages, storage, executors, environment).
     */
    String id();

    /** The tab's name in the navigation bar, e.g. {@code SQL}. */
    String title();

    /**
     * The {@link ListenerEvent.Other} records this extension posts, read back from event logs by
     * their simple names (which are therefore part of the log format and must stay unique).
     */
    default List<Class<? extends ListenerEvent.Other>> eventTypes() {
        return List.of();
    }

    /**
     * This extension's state for one application, fed that application's events.
     *
     * @param store the application's store, for queries at request time (not during construction)
     */
    EmberListener newListener(AppStatusStore store);

    /**
     * One of the tab's pages.
     *
     * @param path the page below the tab, without slashes: {@code ""} for the tab's own page
     * @throws NotFoundException if there is no such page, or it names something unknown
     */
    Rendered page(String path, UiContext ctx);

    /**
     * The value of one of the tab's API routes, to be written as JSON.
     *
     * @param path the route's segments below {@code /api/v1/applications/<appId>/<id>}, possibly empty
     * @param now the request's time, epoch milliseconds
     * @throws NotFoundException if there is no such route or value
     */
    Object api(List<String> path, AppStatusStore store, long now);
}
