package io.ember.benchmarks.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engines of a comparison, each run in child JVMs of its own: Ember and DuckDB on this
 * module's class path, Spark on the class path of benchmarks/spark (Spark's own dependencies,
 * nothing of Ember's). Every child runs in UTC with the same heap ceiling.
 */
public enum CompareEngine {
    EMBER("Ember", "io.ember.benchmarks.compare.EmberChild"),
    SPARK("Spark", "io.ember.benchmarks.spark.SparkChild"),
    DUCKDB("DuckDB", "io.ember.benchmarks.compare.DuckDbChild");

    /**
     * What Spark's own launcher adds on JDK 17 (its {@code JavaModuleOptions}): Spark reaches into
     * these packages, and fails at start-up without them.
     */
    private static final List<String> SPARK_JDK17_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    private final String title;
    private final String mainClass;

    CompareEngine(String title, String mainClass) {
        this.title = title;
        this.mainClass = mainClass;
    }

    /** The engine's name in the table. */
    public String title() {
        return title;
    }

    /** Parses an engine's name as {@code --engines} gives it (ember, spark, duckdb). */
    public static CompareEngine parse(String name) {
        for (CompareEngine engine : values()) {
            if (engine.name().equalsIgnoreCase(name)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + name + "': expected ember, spark or duckdb");
    }

    /** The command that starts this engine's child with {@code args}. */
    List<String> command(CompareOptions options, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + options.heap());
        command.add("-Duser.timezone=UTC");
        command.add("-Djava.net.preferIPv4Stack=true");
        if (this == SPARK) {
            command.addAll(SPARK_JDK17_OPTIONS);
            command.add("-cp");
            command.add(options.sparkClasspath().orElseThrow(() -> new IllegalStateException(
                    "Spark's class path is unknown: run through bin/ember-bench compare, which builds benchmarks/spark")));
        } else {
            if (this == EMBER) {
                command.addAll(options.emberJvmOptions());
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
        }
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
