package io.ember.rdd.internal.ui;

import io.ember.rdd.EmberConf;
import io.vavr.control.Option;
import java.nio.file.Path;

/**
 * The settings of the web UI, the console progress bar and the event log, read from a
 * context's {@link EmberConf} and checked when the context starts.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ember.ui.enabled}</td><td>true</td><td>serve the web UI</td></tr>
 *   <tr><td>{@code ember.ui.port}</td><td>4040</td><td>its port on 127.0.0.1; the next free one of
 *       the 16 above is taken if it is busy; 0 takes any free port</td></tr>
 *   <tr><td>{@code ember.ui.showConsoleProgress}</td><td>true</td><td>draw the progress bar
 *       when the output is a terminal</td></tr>
 *   <tr><td>{@code ember.eventLog.dir}</td><td>none</td><td>write the event log there, for
 *       {@code bin/ember-history}</td></tr>
 * </table>
 *
 * @param uiEnabled whether to serve the web UI
 * @param uiPort the first port tried
 * @param showConsoleProgress whether to draw the progress bar on a terminal
 * @param eventLogDir where to write the event log, if anywhere
 */
public record UiConf(boolean uiEnabled, int uiPort, boolean showConsoleProgress, Option<Path> eventLogDir) {
    /** Whether to serve the web UI. */
    public static final String UI_ENABLED = "ember.ui.enabled";
    /** The web UI's port. */
    public static final String UI_PORT = "ember.ui.port";
    /** Whether to draw the console progress bar. */
    public static final String SHOW_CONSOLE_PROGRESS = "ember.ui.showConsoleProgress";
    /** The event log directory. */
    public static final String EVENT_LOG_DIR = "ember.eventLog.dir";
    /** The web UI's default port, as Spark's. */
    public static final int DEFAULT_PORT = 4040;

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the setting that has a bad value
     */
    public static UiConf of(EmberConf conf) {
        int port = conf.get(UI_PORT).map(v -> parsePort(v.trim())).getOrElse(DEFAULT_PORT);
        return new UiConf(bool(conf, UI_ENABLED), port, bool(conf, SHOW_CONSOLE_PROGRESS),
                conf.get(EVENT_LOG_DIR).filter(v -> !v.isBlank()).map(v -> Path.of(v.trim())));
    }

    private static boolean bool(EmberConf conf, String key) {
        String value = conf.get(key).getOrElse("true").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Setting '" + key + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + UI_PORT + "' must be a port number (0-65535), got '"
                    + value + "'");
        }
        throw new IllegalArgumentException("Setting '" + UI_PORT + "' must be a port number (0-65535), got " + value);
    }
}
