package io.ember.actors.internal;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/*
 * Design notes
 * ------------
 * A cluster driver's settings, read from the context's ember.* settings when the context
 * starts; a bad value fails there with a message naming its key. The defaults keep a driver on
 * the loopback interface and on free ports, which is what a driver that joins a cluster of
 * workers needs; a driver that is itself the seed sets ember.cluster.port to the master URL's.
 */
record DriverSettings(List<String> seeds, String host, int port, int dataPort, byte[] secret, List<Path> jars,
                      Duration joinTimeout) {
    static final String HOST = "ember.cluster.host";
    static final String PORT = "ember.cluster.port";
    static final String DATA_PORT = "ember.cluster.dataPort";
    static final String JOIN_TIMEOUT = "ember.cluster.joinTimeout";
    static final String JARS = "ember.jars";

    static DriverSettings parse(List<String> seeds, Map<String, String> settings) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a cluster master URL names at least one seed node");
        }
        ClusterConfig.addresses(seeds);
        return new DriverSettings(List.copyOf(seeds),
                settings.getOrDefault(HOST, "127.0.0.1"),
                port(settings, PORT),
                port(settings, DATA_PORT),
                ClusterSecret.resolve(settings.get(ClusterSecret.SETTING)),
                jars(settings.get(JARS)),
                duration(settings, JOIN_TIMEOUT, Duration.ofSeconds(30)));
    }

    private static int port(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Setting '" + key + "' must be a port number (0 for any free port), got '"
                + value + "'");
    }

    private static Duration duration(Map<String, String> settings, String key, Duration fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            Duration duration = ConfigFactory.empty().withValue("d", ConfigValueFactory.fromAnyRef(value)).getDuration("d");
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (ConfigException e) {
            // reported below
        }
        throw new IllegalArgumentException("Setting '" + key + "' must be a positive duration such as 30s, got '"
                + value + "'");
    }

    private static List<Path> jars(String value) {
        List<Path> jars = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return jars;
        }
        for (String entry : value.split(",")) {
            Path jar = Path.of(entry.trim());
            if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("Setting '" + JARS + "' names '" + entry.trim()
                        + "', which is not a jar file");
            }
            jars.add(jar);
        }
        return jars;
    }
}
