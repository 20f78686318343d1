package io.ember.rdd.internal.ui;

import io.ember.rdd.EmberContext;
import io.ember.rdd.internal.ui.eventlog.EventLogWriter;
import io.ember.rdd.internal.ui.progress.ConsoleProgressBar;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.EnvironmentData;
import io.ember.rdd.internal.ui.status.RddStorageData;
import io.ember.rdd.internal.ui.web.UiExtensions;
import io.ember.rdd.internal.ui.web.WebServer;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What people see of one application: the web UI, the console progress bar and the event log,
 * all fed by the context's listener events, started with the context and stopped after its
 * last event ({@link UiConf} lists the settings).
 *
 * <p>Must be started before the context posts its first event, so that the UI sees the
 * application start and every executor.
 */
public final class ApplicationUi implements AutoCloseable {
    private static final AtomicLong LAST_ID_TIME = new AtomicLong();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApplicationUi.class);

    private final String appId;
    private final AppStatusStore status;
    private final Option<WebServer> web;
    private final Option<ConsoleProgressBar> progress;
    private final Option<EventLogWriter> eventLog;

    private ApplicationUi(String appId, AppStatusStore status, Option<WebServer> web,
                          Option<ConsoleProgressBar> progress, Option<EventLogWriter> eventLog) {
        this.appId = appId;
        this.status = status;
        this.web = web;
        this.progress = progress;
        this.eventLog = eventLog;
    }

    /**
     * Starts what {@code sc}'s settings ask for and registers it as a listener of {@code sc}.
     *
     * @throws IllegalArgumentException if a setting is bad
     * @throws java.io.UncheckedIOException if the event log cannot be created
     */
    public static ApplicationUi start(EmberContext sc) {
        Supplier<List<RddStorageData>> storage = StorageReport.of(sc);
        UiConf conf = UiConf.of(sc.conf());
        String appId = newApplicationId(sc.master());
        AppStatusStore status = UiExtensions.attachTo(new AppStatusStore(appId, EmberVersion.get()));
        status.environmentUpdated(EnvironmentData.ofThisJvm(sc.conf().getAll().toJavaMap()));
        status.storageSource(storage);
        Option<EventLogWriter> eventLog = Option.none();
        Option<WebServer> web = Option.none();
        try {
            eventLog = conf.eventLogDir().map(dir -> new EventLogWriter(dir, appId, EmberVersion.get(),
                    status.environment(), storage));
            web = conf.uiEnabled() ? startWeb(status, conf.uiPort()) : Option.none();
        } catch (RuntimeException e) {
            eventLog.forEach(EventLogWriter::close);
            throw e;
        }
        Option<ConsoleProgressBar> progress = ConsoleProgressBar.forConsole(conf.showConsoleProgress());
        sc.addListener(status);
        eventLog.forEach(sc::addListener);
        progress.forEach(sc::addListener);
        return new ApplicationUi(appId, status, web, progress, eventLog);
    }

    /** The application id, e.g. {@code local-1762790400000}; names the event log. */
    public String applicationId() {
        return appId;
    }

    /** The web UI's address, e.g. {@code http://127.0.0.1:4040}, unless it is disabled. */
    public Option<String> webUrl() {
        return web.map(WebServer::url);
    }

    /** Where the event log is being written, if {@code ember.eventLog.dir} is set. */
    public Option<Path> eventLogPath() {
        return eventLog.map(EventLogWriter::path);
    }

    /** What the UI shows, as data. */
    public AppStatusStore status() {
        return status;
    }

    /**
     * Erases the progress bar, closes the event log and stops the web server. Call it after the
     * context's last event was delivered.
     */
    @Override
    public void close() {
        progress.forEach(ConsoleProgressBar::close);
        eventLog.forEach(EventLogWriter::close);
        web.forEach(WebServer::close);
    }

    /** The web server, or none (with a warning) when every port tried is taken: the application runs on. */
    private static Option<WebServer> startWeb(AppStatusStore status, int port) {
        try {
            return Option.of(WebServer.live(status, port));
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("{}; running without a web UI", e.getMessage());
            return Option.none();
        }
    }

    /** {@code local-<millis>} for a local master, {@code app-<millis>} otherwise; unique in this JVM. */
    private static String newApplicationId(String master) {
        long now = System.currentTimeMillis();
        long time = LAST_ID_TIME.updateAndGet(last -> Math.max(last + 1, now));
        return (master.startsWith("local") ? "local-" : "app-") + time;
    }
}
