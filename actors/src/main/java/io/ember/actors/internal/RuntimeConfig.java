package io.ember.actors.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Objects;

/*
 * Design notes
 * ------------
 * The ActorSystem's name and configuration. Settings are layered, highest first: JVM system
 * properties (so -Dakka.loglevel=DEBUG still works), the caller's overrides (tests), Ember's
 * local-runtime defaults below, application.conf, then every reference.conf on the class path
 * (including this module's, which binds EmberMessage to KryoAkkaSerializer).
 */
final class RuntimeConfig {

    /**
     * Ember's defaults for every runtime, local or cluster: quiet, logging through SLF4J, no Java
     * serialization, daemon threads.
     */
    private static final String COMMON_DEFAULTS = """
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              log-dead-letters = off
              log-dead-letters-during-shutdown = off
              # classic log events to SLF4J, transient warnings (heartbeat delays) at INFO; with
              # use-slf4j on, Akka Typed would add its own Slf4jLogger next to it
              loggers = ["io.ember.actors.internal.EmberAkkaLogger"]
              use-slf4j = off
              logging-filter = "akka.event.slf4j.Slf4jLoggingFilter"
              # a driver that forgets close() must still let the JVM exit
              daemonic = on
              actor {
                allow-java-serialization = off
                warn-about-java-serializer-usage = off
              }
            }
            """;

    /** What a local runtime adds to the common defaults: fast start and close, never exits the JVM. */
    private static final String LOCAL_DEFAULTS = """
            akka {
              # startup time: extensions (serialization, the receptionist, the stream materializer
              # that akka-stream adds) start on first use instead of with the system
              library-extensions = []
              actor.typed.library-extensions = []
              actor.provider = local
              # close() stops the runtime; nothing registers shutdown tasks, so skipping
              # coordinated shutdown and its JVM hook saves startup and close time
              coordinated-shutdown {
                exit-jvm = off
                run-by-actor-system-terminate = off
                run-by-jvm-shutdown-hook = off
              }
              jvm-shutdown-hooks = off
            }
            """;

    private RuntimeConfig() {}

    /** {@code appName} made into a valid ActorSystem name: {@code [A-Za-z0-9][A-Za-z0-9_-]*}. */
    static String systemName(String appName) {
        Objects.requireNonNull(appName, "appName is null");
        String name = appName.replaceAll("[^A-Za-z0-9_-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        return name.isEmpty() ? "ember" : name;
    }

    /** The full, resolved configuration; {@code overrides} win over Ember's defaults. */
    static Config load(Config overrides, ClassLoader loader) {
        return layered(overrides, LOCAL_DEFAULTS, loader);
    }

    /**
     * The layers of the design notes over {@code defaults} (HOCON), which win over the defaults
     * common to every runtime.
     */
    static Config layered(Config overrides, String defaults, ClassLoader loader) {
        return ConfigFactory.defaultOverrides(loader)
                .withFallback(overrides)
                .withFallback(ConfigFactory.parseString(defaults))
                .withFallback(ConfigFactory.parseString(COMMON_DEFAULTS))
                .withFallback(ConfigFactory.defaultApplication(loader))
                .withFallback(ConfigFactory.defaultReference(loader))
                .resolve();
    }
}
