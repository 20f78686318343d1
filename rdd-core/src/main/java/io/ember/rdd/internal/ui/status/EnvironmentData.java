package io.ember.rdd.internal.ui.status;

import io.ember.rdd.internal.Redaction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Environment page shows: the JVM, the application's {@code ember.*} settings, the
 * system properties and the class path.
 */
public record EnvironmentData(Map<String, String> runtime, Map<String, String> emberProperties,
                              Map<String, String> systemProperties, List<String> classpathEntries) {

    /** The environment of the current JVM, with {@code settings} as the Ember properties. */
    public static EnvironmentData ofThisJvm(Map<String, String> settings) {
        Map<String, String> runtime = new TreeMap<>();
        runtime.put("Java Version", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        runtime.put("Java Home", System.getProperty("java.home"));
        runtime.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        runtime.put("Max Heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        runtime.put("Processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        Map<String, String> system = new TreeMap<>();
        System.getProperties().forEach((k, v) -> system.put(k.toString(), v.toString()));
        String classPath = System.getProperty("java.class.path", "");
        List<String> entries = classPath.isEmpty() ? List.of()
                : List.of(classPath.split(java.io.File.pathSeparator));
        return new EnvironmentData(runtime, new TreeMap<>(settings), system, entries);
    }

    /**
     * A copy with secrets hidden by {@code redaction}: the values of secret settings and system
     * properties, and secret arguments in the other system properties (such as the command line
     * in {@code sun.java.command}).
     */
    public EnvironmentData redacted(Redaction redaction) {
        Map<String, String> system = new TreeMap<>();
        systemProperties.forEach((key, value) -> system.put(key,
                redaction.isSecret(key) ? Redaction.REDACTED : redaction.redactCommandLine(value)));
        return new EnvironmentData(runtime, redaction.redact(emberProperties), system, classpathEntries);
    }
}
