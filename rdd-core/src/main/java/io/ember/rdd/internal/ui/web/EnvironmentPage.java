package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.EnvironmentData;
import java.util.ArrayList;
import java.util.List;

/** The Environment page: JVM, Ember settings, system properties and class path. */
final class EnvironmentPage {
    private EnvironmentPage() {
    }

    static Rendered render(UiContext ctx) {
        EnvironmentData env = ctx.store().environment();
        List<List<String>> classPath = new ArrayList<>();
        env.classpathEntries().forEach(entry -> classPath.add(List.of(Html.escape(entry))));
        String body = "<h2>Runtime Information</h2>" + Html.properties("runtime", env.runtime())
                + "<h2>Ember Properties</h2>" + Html.properties("ember-properties", env.emberProperties())
                + "<h2>System Properties</h2>" + Html.properties("system-properties", env.systemProperties())
                + "<h2>Classpath Entries</h2>" + Html.table("classpath", List.of("Resource"), classPath, "None.");
        return new Rendered("environment", "Environment", body);
    }
}
