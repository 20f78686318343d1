package io.ember.rdd.ui.status;

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
}
