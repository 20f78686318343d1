package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.vavr.control.Option;
import java.util.List;
import java.util.function.Supplier;

/**
 * The applications a server shows: one live application, or those of an event log directory.
 *
 * @param all every application, newest first
 * @param history whether pages live under {@code /history/<appId>} (the history server)
 */
record UiApplications(Supplier<List<AppStatusStore>> all, boolean history) {

    /** The application with this id. */
    Option<AppStatusStore> get(String appId) {
        return io.vavr.collection.List.ofAll(all.get()).find(store -> store.appId().equals(appId));
    }

    /** The path prefix of an application's pages. */
    String base(AppStatusStore store) {
        return history ? "/history/" + store.appId() : "";
    }
}
