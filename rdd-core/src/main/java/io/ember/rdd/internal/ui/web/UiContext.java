package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.AppStatusStore;
import java.util.Map;

/**
 * What a page is rendered for: one application's store, the path prefix its pages live under
 * ({@code ""} for a live UI, {@code /history/<appId>} in the history server), the query
 * parameters and the time of the request (epoch milliseconds).
 */
public record UiContext(AppStatusStore store, String base, Map<String, String> query, long now) {

    /**
     * An integer query parameter.
     *
     * @throws NotFoundException if it is missing or not an integer
     */
    public int intParam(String name) {
        String value = query.get(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Missing or bad parameter '" + name + "': " + value);
        }
    }

    /** An integer query parameter, or {@code fallback} when absent. */
    public int intParam(String name, int fallback) {
        return query.containsKey(name) ? intParam(name) : fallback;
    }

    /** The absolute path of a page of this application, e.g. {@code url("/jobs/")}. */
    public String url(String page) {
        return base + page;
    }
}
