package io.ember.benchmarks.support;

import java.util.List;

/**
 * The JVM options Ember's launchers give an application's JVM, for the benchmarks' child JVMs:
 * {@code bin/ember-bench} sets {@value #PROPERTY} (one option per line) to the class-data sharing
 * archive of the benchmark jar (bin/lib/cds.sh, trained before the first child starts), so a child
 * starts as an application started by {@code bin/ember-submit} does. Without the property (a
 * benchmark jar run by hand) children get no options.
 */
public final class LauncherJvmOptions {
    /** The system property holding the options, one per line. */
    public static final String PROPERTY = "ember.bench.ember.jvmOptions";

    private LauncherJvmOptions() {
    }

    /** The options, in order; empty if the property is unset. */
    public static List<String> get() {
        return System.getProperty(PROPERTY, "").lines().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    /** Whether {@code options} map a class-data sharing archive. */
    public static boolean mapsArchive(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    }
}
