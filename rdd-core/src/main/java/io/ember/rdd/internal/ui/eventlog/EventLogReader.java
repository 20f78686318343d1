package io.ember.rdd.internal.ui.eventlog;

import io.ember.rdd.internal.ui.json.JsonParser;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.web.UiExtensions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replays event logs written by {@link EventLogWriter} into {@link AppStatusStore}s (with the
 * state of every UI extension on the class path), which the web UI then serves exactly as it
 * serves a live application.
 */
public final class EventLogReader {
    private EventLogReader() {
    }

    /**
     * The application logged in {@code file}. A log cut short (its application still running,
     * or killed) replays up to its last complete line.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is not an Ember event log
     */
    public static AppStatusStore replay(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new IllegalArgumentException("Empty event log: " + file);
            }
            Map<String, Object> start = JsonParser.parseObject(first);
            if (!EventCodec.LOG_START.equals(start.get("Event"))) {
                throw new IllegalArgumentException("Not an Ember event log (no LogStart line): " + file);
            }
            AppStatusStore store = UiExtensions.attachTo(new AppStatusStore(String.valueOf(start.get("appId")),
                    String.valueOf(start.get("emberVersion"))));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> parsed;
                try {
                    parsed = JsonParser.parseObject(line);
                } catch (IllegalArgumentException truncated) {
                    break;
                }
                EventCodec.apply(parsed, store);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read event log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The event logs in {@code dir} (finished and in progress), by name. */
    public static List<Path> logsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(logs::add);
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list event logs in " + dir + ": " + e.getMessage(), e);
        }
    }
}
