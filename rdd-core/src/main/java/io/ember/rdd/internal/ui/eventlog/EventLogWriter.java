package io.ember.rdd.internal.ui.eventlog;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.internal.ui.status.EnvironmentData;
import io.ember.rdd.internal.ui.status.RddStorageData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an application's events to {@code <dir>/<appId>.inprogress}, one JSON object a line,
 * and renames the file to {@code <dir>/<appId>} when the application ends, as Spark's event log
 * does; {@code bin/ember-history} replays it. The log is flushed after each job and each
 * {@link ListenerEvent.Other} event (such as a SQL execution's start and end). After each job
 * the persisted RDDs are logged too (when they changed), so the Storage page can be replayed as
 * it was after the last job.
 *
 * <p>A write error is logged once and ends logging; it never fails the application.
 */
public final class EventLogWriter implements EmberListener, AutoCloseable {
    /** The suffix of a log whose application has not ended (or did not end cleanly). */
    public static final String IN_PROGRESS = ".inprogress";
    private static final Logger LOG = LoggerFactory.getLogger(EventLogWriter.class);

    private final Path inProgress;
    private final Path complete;
    private final Supplier<List<RddStorageData>> storage;
    private BufferedWriter out;
    private List<RddStorageData> lastStorage = List.of();

    /**
     * Creates {@code dir} if needed and starts the log of application {@code appId}.
     *
     * @param storage the persisted RDDs, asked after each job
     * @throws UncheckedIOException if the log cannot be created
     */
    public EventLogWriter(Path dir, String appId, String emberVersion, EnvironmentData environment,
                          Supplier<List<RddStorageData>> storage) {
        this.inProgress = dir.resolve(appId + IN_PROGRESS);
        this.complete = dir.resolve(appId);
        this.storage = storage;
        try {
            Files.createDirectories(dir);
            out = Files.newBufferedWriter(inProgress, StandardCharsets.UTF_8);
            write(EventCodec.logStart(appId, emberVersion));
            write(EventCodec.environmentUpdate(environment));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the event log " + inProgress
                    + " (ember.eventLog.dir): " + e.getMessage(), e);
        }
    }

    /** The log's path: {@code <appId>.inprogress} until the application ends. */
    public synchronized Path path() {
        return out == null && Files.exists(complete) ? complete : inProgress;
    }

    @Override
    public synchronized void onEvent(ListenerEvent event) {
        // why the record check: the log writes a record's components; another layer's event that
        // is not a record has none to write, and must not end the log (see ListenerEvent.Other)
        if (out == null || !(event instanceof Record)) {
            return;
        }
        try {
            write(EventCodec.encode(event));
            if (event instanceof ListenerEvent.JobEnd) {
                logStorage();
                out.flush();
            } else if (event instanceof ListenerEvent.Other) {
                out.flush();
            } else if (event instanceof ListenerEvent.ApplicationEnd) {
                out.close();
                out = null;
                Files.move(inProgress, complete, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Stopped writing the event log {}: {}", inProgress, e.toString());
            closeQuietly();
        }
    }

    /** Flushes and closes the log; it keeps its in-progress name unless the application ended. */
    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void logStorage() throws IOException {
        List<RddStorageData> now = storage.get();
        if (!now.equals(lastStorage)) {
            write(EventCodec.storageUpdate(now));
            lastStorage = now;
        }
    }

    private void write(String line) throws IOException {
        out.write(line);
        out.write('\n');
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("Cannot close the event log {}: {}", inProgress, e.toString());
            }
            out = null;
        }
    }
}
