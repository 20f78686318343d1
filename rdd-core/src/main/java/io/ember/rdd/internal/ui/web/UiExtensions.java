package io.ember.rdd.internal.ui.web;

import io.ember.rdd.ListenerEvent;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The {@link UiExtension}s on the class path, loaded once with {@link ServiceLoader}: the live
 * UI and the event log reader attach them to each application's store, the web server routes
 * their pages and API, and the event log reader decodes their events.
 */
public final class UiExtensions {
    private UiExtensions() {
    }

    /** Every extension on the class path, in the order the service files list them. */
    public static List<UiExtension> all() {
        return Loaded.ALL;
    }

    /** Gives {@code store} the state of every extension; call it before the store sees any event. */
    public static AppStatusStore attachTo(AppStatusStore store) {
        for (UiExtension extension : all()) {
            store.attach(extension.id(), extension.newListener(store));
        }
        return store;
    }

    /** The extensions whose state {@code store} holds, whose tabs its pages show. */
    public static List<UiExtension> of(AppStatusStore store) {
        List<UiExtension> attached = new ArrayList<>();
        for (UiExtension extension : all()) {
            if (store.extension(extension.id(), Object.class).isDefined()) {
                attached.add(extension);
            }
        }
        return attached;
    }

    /** The extension event type of this simple name, if an extension declares one. */
    public static Option<Class<? extends ListenerEvent.Other>> eventType(String simpleName) {
        for (UiExtension extension : all()) {
            for (Class<? extends ListenerEvent.Other> type : extension.eventTypes()) {
                if (type.getSimpleName().equals(simpleName)) {
                    return Option.some(type);
                }
            }
        }
        return Option.none();
    }

    /** Loaded on first use (the holder idiom), so a bad service file fails where the UI starts. */
    private static final class Loaded {
        static final List<UiExtension> ALL = load();

        private static List<UiExtension> load() {
            List<UiExtension> found = new ArrayList<>();
            try {
                ServiceLoader.load(UiExtension.class, UiExtension.class.getClassLoader()).forEach(found::add);
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("Cannot load a web UI extension listed in META-INF/services/"
                        + UiExtension.class.getName() + ": " + e.getMessage(), e);
            }
            Set<String> ids = new HashSet<>();
            for (String[] tab : PageFrame.TABS) {
                ids.add(tab[0]);
            }
            for (UiExtension extension : found) {
                if (!ids.add(extension.id())) {
                    throw new IllegalStateException("Web UI extension " + extension.getClass().getName()
                            + " uses the tab id '" + extension.id() + "', which another tab already has");
                }
            }
            return List.copyOf(found);
        }
    }
}
