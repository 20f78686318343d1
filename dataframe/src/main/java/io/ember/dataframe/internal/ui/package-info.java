/**
 * The web UI's SQL tab, contributed to rdd-core's UI as a {@link io.ember.rdd.internal.ui.web.UiExtension}
 * (as Spark's {@code SQLTab} lives in sql/core): the events DataFrame actions post
 * ({@link io.ember.dataframe.internal.ui.SqlExecutionStart}, {@link io.ember.dataframe.internal.ui.SqlExecutionEnd}),
 * the state built from them ({@link io.ember.dataframe.internal.ui.SqlStatus}), the SQL pages and the
 * {@code /api/v1/applications/<appId>/sql} routes.
 *
 * <p>Like rdd-core's {@code io.ember.rdd.internal.ui} packages, this is Ember's own machinery: applications
 * see the tab and may listen for the events, but need none of these classes.
 */
package io.ember.dataframe.internal.ui;
