package io.ember.rdd.internal.ui.web;

/**
 * A rendered page body.
 *
 * @param tab the id of the navigation tab it belongs to, e.g. {@code jobs}
 * @param title the page's heading
 * @param body its HTML, without the frame
 */
public record Rendered(String tab, String title, String body) {
}
