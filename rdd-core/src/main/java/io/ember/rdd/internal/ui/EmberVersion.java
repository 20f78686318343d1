package io.ember.rdd.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Ember version, from the Maven metadata inside the rdd-core jar. */
public final class EmberVersion {
    private static final String VERSION = load();

    private EmberVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev} when running from compiled classes. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EmberVersion.class.getResourceAsStream(
                "/META-INF/maven/io.ember/ember-rdd-core/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "dev");
            }
        } catch (IOException e) {
            return "dev";
        }
        String fromManifest = EmberVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "dev";
    }
}
