/**
 * What people see of a running application: the web UI ({@code web}), the console progress bar
 * ({@code progress}) and the event log ({@code eventlog}, replayed by {@code history}), all built
 * from the context's {@link io.ember.rdd.ListenerEvent}s into an
 * {@link io.ember.rdd.internal.ui.status.AppStatusStore}. {@link io.ember.rdd.internal.ui.ApplicationUi} starts them
 * with a context; {@link io.ember.rdd.internal.ui.UiConf} lists their settings.
 *
 * <p>These packages are Ember's own machinery, public only so that the context, the launchers
 * and the tests can reach them; applications use the settings and the pages, not these classes.
 */
package io.ember.rdd.internal.ui;
