package io.ember.rdd.internal.ui.eventlog;

import io.ember.rdd.ListenerEvent;
import io.ember.rdd.internal.ui.json.Json;
import io.ember.rdd.internal.ui.json.RecordReader;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.EnvironmentData;
import io.ember.rdd.internal.ui.status.RddStorageData;
import io.ember.rdd.internal.ui.web.UiExtensions;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of an event log: a JSON object whose {@code "Event"} names a {@link ListenerEvent}
 * record (its components follow by name), built-in or listed by a UI extension (see
 * {@link UiExtensions#eventType}), or one of the log's own records: {@code LogStart}
 * (application id and Ember version), {@code EnvironmentUpdate} and {@code StorageUpdate}.
 *
 * <p>Events are written and read by reflection over the record components, so an event that
 * gains a component, or a new event type, needs no change here; lines of unknown types are
 * skipped when read.
 */
final class EventCodec {
    static final String LOG_START = "LogStart";
    static final String ENVIRONMENT_UPDATE = "EnvironmentUpdate";
    static final String STORAGE_UPDATE = "StorageUpdate";

    private EventCodec() {
    }

    static String encode(ListenerEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Event", event.getClass().getSimpleName());
        fields.putAll(Json.componentsOf((Record) event));
        if (event instanceof ListenerEvent.ApplicationStart start) {
            fields.put("conf", start.conf().redacted().toJavaMap());
        }
        return Json.write(fields);
    }

    static String logStart(String appId, String emberVersion) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Event", LOG_START);
        fields.put("appId", appId);
        fields.put("emberVersion", emberVersion);
        return Json.write(fields);
    }

    static String environmentUpdate(EnvironmentData environment) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Event", ENVIRONMENT_UPDATE);
        fields.putAll(Json.componentsOf(environment));
        return Json.write(fields);
    }

    static String storageUpdate(List<RddStorageData> rdds) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Event", STORAGE_UPDATE);
        fields.put("rdds", rdds);
        return Json.write(fields);
    }

    /** Applies one parsed line to {@code store}; false if its type is unknown. */
    @SuppressWarnings("unchecked")
    static boolean apply(Map<String, Object> line, AppStatusStore store) {
        String type = String.valueOf(line.get("Event"));
        switch (type) {
            case ENVIRONMENT_UPDATE -> {
                store.environmentUpdated(RecordReader.read(EnvironmentData.class, line));
                return true;
            }
            case STORAGE_UPDATE -> {
                List<RddStorageData> rdds = new ArrayList<>();
                for (Object rdd : (List<Object>) line.getOrDefault("rdds", List.of())) {
                    rdds.add(RecordReader.read(RddStorageData.class, (Map<?, ?>) rdd));
                }
                store.storageUpdated(rdds);
                return true;
            }
            case LOG_START -> {
                return true;
            }
            case "ApplicationStart" -> {
                store.applicationStarted(String.valueOf(line.get("appName")), String.valueOf(line.get("master")),
                        ((Number) line.get("time")).longValue(), (Map<String, String>) line.getOrDefault("conf", Map.of()));
                return true;
            }
            default -> {
                for (Class<?> subtype : ListenerEvent.class.getPermittedSubclasses()) {
                    if (subtype.getSimpleName().equals(type) && subtype.isRecord()) {
                        store.onEvent((ListenerEvent) RecordReader.read(subtype.asSubclass(Record.class), line));
                        return true;
                    }
                }
                Option<Class<? extends ListenerEvent.Other>> other = UiExtensions.eventType(type).filter(Class::isRecord);
                other.forEach(subtype -> store.onEvent(
                        (ListenerEvent) RecordReader.read(subtype.asSubclass(Record.class), line)));
                return other.isDefined();
            }
        }
    }
}
