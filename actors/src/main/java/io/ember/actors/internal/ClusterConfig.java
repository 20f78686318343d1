package io.ember.actors.internal;

import akka.actor.Address;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/*
 * Design notes
 * ------------
 * The Akka configuration of a cluster node (driver or worker), layered like RuntimeConfig's:
 * JVM system properties win (so -Dakka.cluster.failure-detector.acceptable-heartbeat-pause=3s
 * still tunes a node), then the defaults below over the ones common to every runtime, then every
 * reference.conf.
 *
 * - Every node's actor system is named "ember": Akka Cluster only joins systems of one name.
 * - Artery over TLS (tls-tcp) with SecretSslEngineProvider: a node without the secret cannot
 *   even complete a connection, so it can neither join nor send a single message.
 * - Failure detection is tuned so that a dead node is unreachable after about 2 s and removed
 *   after about 5 s (measured on 2 cores: unreachable ~1.8 s and removed ~5 s after a kill -9), by the split-brain resolver
 *   with keep-oldest: a lone crashed node is downed by the others (down-if-alone), and a node
 *   on the side without the oldest downs itself. Nothing is ever auto-downed. Gossip and leader
 *   actions run every 200-250 ms so that joins and removals converge within a second.
 * - Coordinated shutdown never exits the JVM itself: WorkerProcess decides how a worker exits,
 *   and a driver's JVM belongs to the application.
 */
final class ClusterConfig {
    static final String SYSTEM_NAME = "ember";
    static final String WORKER_ROLE = "worker";
    static final String DRIVER_ROLE = "driver";

    private static final String DEFAULTS = """
            akka {
              actor.provider = cluster
              remote.artery {
                transport = tls-tcp
                ssl.ssl-engine-provider = "io.ember.actors.internal.SecretSslEngineProvider"
              }
              cluster {
                downing-provider-class = "akka.cluster.sbr.SplitBrainResolverProvider"
                split-brain-resolver {
                  active-strategy = keep-oldest
                  stable-after = 2s
                  keep-oldest.down-if-alone = on
                }
                failure-detector {
                  heartbeat-interval = 200ms
                  acceptable-heartbeat-pause = 1500ms
                  expected-response-after = 200ms
                }
                unreachable-nodes-reaper-interval = 250ms
                # a worker waiting for its seed (a driver not started yet) retries every 2 s
                seed-node-timeout = 2s
                retry-unsuccessful-join-after = 2s
                gossip-interval = 200ms
                leader-actions-interval = 250ms
                log-info = off
                jmx.multi-mbeans-in-same-jvm = on
                run-coordinated-shutdown-when-down = on
              }
              coordinated-shutdown {
                exit-jvm = off
                phases.cluster-exiting.timeout = 5s
              }
            }
            """;

    private ClusterConfig() {
    }

    /**
     * The configuration of a node with {@code role} bound to {@code host:port} (port 0: any free
     * port). {@code shutdownHook}: leave the cluster gracefully when the JVM is asked to stop.
     */
    static Config node(String role, String host, int port, boolean shutdownHook, ClassLoader loader) {
        Config node = ConfigFactory.empty()
                .withValue("akka.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
                .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
                .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(List.of(role)))
                .withValue("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", ConfigValueFactory.fromAnyRef(shutdownHook))
                .withValue("akka.jvm-shutdown-hooks", ConfigValueFactory.fromAnyRef(shutdownHook));
        return RuntimeConfig.layered(node, DEFAULTS, loader);
    }

    /** {@code host:port} strings as the Akka addresses of cluster nodes. */
    static List<Address> addresses(List<String> hostPorts) {
        List<Address> addresses = new ArrayList<>();
        for (String hostPort : hostPorts) {
            HostPort parsed = HostPort.parse(hostPort);
            addresses.add(new Address("akka", SYSTEM_NAME, parsed.host(), parsed.port()));
        }
        return addresses;
    }

    /** A node address, {@code host:port}. */
    record HostPort(String host, int port) {
        static HostPort parse(String text) {
            int colon = text == null ? -1 : text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("expected host:port, got '" + text + "'");
            }
            int port;
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected host:port with a numeric port, got '" + text + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in '" + text + "'");
            }
            return new HostPort(text.substring(0, colon), port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
