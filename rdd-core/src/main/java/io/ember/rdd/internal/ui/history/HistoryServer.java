package io.ember.rdd.internal.ui.history;

import io.ember.rdd.internal.ui.EmberVersion;
import io.ember.rdd.internal.ui.eventlog.EventLogReader;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web UI of finished (and running) applications from their event logs, as Spark's
 * history server does: {@code bin/ember-history <dir> [--port N]}. The start page lists every
 * application; each one's pages live under {@code /history/<appId>/}, and the JSON API under
 * {@code /api/v1/applications}. The directory is scanned again at each request; a log is
 * replayed again only when it changed.
 */
public final class HistoryServer implements AutoCloseable {
    /** The history server's default port, as Spark's. */
    public static final int DEFAULT_PORT = 18080;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryServer.class);

    private final Path dir;
    private final Map<Path, Replayed> cache = new HashMap<>();
    private final WebServer web;

    /** A replayed log, or a file that is not one ({@code store} null), remembered until it changes. */
    private record Replayed(long size, long modified, AppStatusStore store) {
    }

    /**
     * Starts serving the logs in {@code dir} on {@code port} (or the next free one; 0 for any).
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory
     */
    public HistoryServer(Path dir, int port) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a directory of event logs: " + dir);
        }
        this.dir = dir;
        this.web = WebServer.history(this::applications, port, EmberVersion.get(), dir.toString());
    }

    /** Runs the server until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        Path dir = null;
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("-")) {
                usage("unknown option " + args[i]);
            } else if (dir == null) {
                dir = Path.of(args[i]);
            } else {
                usage("more than one directory given");
            }
        }
        if (dir == null) {
            usage("no event log directory given");
        }
        HistoryServer server;
        try {
            server = new HistoryServer(dir, port);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("ember-history: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Ember history server " + EmberVersion.get() + " at " + server.url() + "/ serving "
                + server.applications().size() + " application(s) from " + dir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    /** The address people open, e.g. {@code http://127.0.0.1:18080}. */
    public String url() {
        return web.url();
    }

    /** Every logged application, the most recently started first. */
    public synchronized List<AppStatusStore> applications() {
        Map<Path, Replayed> seen = new HashMap<>();
        for (Path log : EventLogReader.logsIn(dir)) {
            try {
                long size = Files.size(log);
                long modified = Files.getLastModifiedTime(log).toMillis();
                Replayed known = cache.get(log);
                if (known == null || known.size() != size || known.modified() != modified) {
                    known = new Replayed(size, modified, replay(log));
                }
                seen.put(log, known);
            } catch (IOException e) {
                LOG.warn("Skipping {}: {}", log, e.getMessage());
            }
        }
        cache.clear();
        cache.putAll(seen);
        List<AppStatusStore> stores = new ArrayList<>();
        seen.values().stream().filter(r -> r.store() != null).forEach(r -> stores.add(r.store()));
        stores.sort(Comparator.comparingLong((AppStatusStore s) -> s.app().startTime()).reversed());
        return stores;
    }

    private static AppStatusStore replay(Path log) {
        try {
            return EventLogReader.replay(log);
        } catch (RuntimeException e) {
            LOG.warn("Skipping {}: {}", log, e.getMessage());
            return null;
        }
    }

    /** Stops serving. */
    @Override
    public void close() {
        web.close();
    }

    private static void usage(String problem) {
        System.err.println("ember-history: " + problem + "\nUsage: bin/ember-history <event-log-dir> [--port N]");
        System.exit(2);
    }
}
