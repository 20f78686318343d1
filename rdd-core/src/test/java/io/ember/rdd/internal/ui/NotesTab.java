package io.ember.rdd.internal.ui;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.web.Html;
import io.ember.rdd.internal.ui.web.NotFoundException;
import io.ember.rdd.internal.ui.web.Rendered;
import io.ember.rdd.internal.ui.web.UiContext;
import io.ember.rdd.internal.ui.web.UiExtension;
import java.util.ArrayList;
import java.util.List;

/**
 * A UI extension of the tests (listed in this module's test resources, so every UI of rdd-core's
 * tests has it): a "Notes" tab showing the {@link NoteAdded} events posted to the application.
 */
public final class NotesTab implements UiExtension {

    /** A note, posted by a test as another layer posts its events. */
    public record NoteAdded(String text, long time) implements ListenerEvent.Other {
    }

    /** One application's notes, in the order posted. */
    public static final class Notes implements EmberListener {
        private final List<String> texts = new ArrayList<>();

        @Override
        public synchronized void onEvent(ListenerEvent event) {
            if (event instanceof NoteAdded note) {
                texts.add(note.text());
            }
        }

        /** The notes so far. */
        public synchronized List<String> texts() {
            return List.copyOf(texts);
        }
    }

    /** Made by {@link java.util.ServiceLoader}. */
    public NotesTab() {
    }

    @Override
    public String id() {
        return "notes";
    }

    @Override
    public String title() {
        return "Notes";
    }

    @Override
    public List<Class<? extends ListenerEvent.Other>> eventTypes() {
        return List.of(NoteAdded.class);
    }

    @Override
    public EmberListener newListener(AppStatusStore store) {
        return new Notes();
    }

    @Override
    public Rendered page(String path, UiContext ctx) {
        if (!path.isEmpty()) {
            throw new NotFoundException("No page /notes/" + path);
        }
        StringBuilder body = new StringBuilder("<ul id=\"notes\">");
        notes(ctx.store()).texts().forEach(text -> body.append("<li>").append(Html.escape(text)).append("</li>"));
        return new Rendered(id(), "Notes", body.append("</ul>").toString());
    }

    @Override
    public Object api(List<String> path, AppStatusStore store, long now) {
        if (!path.isEmpty()) {
            throw new NotFoundException("Unknown API path notes/" + String.join("/", path));
        }
        return notes(store).texts();
    }

    static Notes notes(AppStatusStore store) {
        return store.extension("notes", Notes.class).get();
    }
}
