package io.ember.actors.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.ExtensionId;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.actors.internal.spi.TaskRunner;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A local[N] runtime starts a plain local actor system: no remoting or cluster settings, no cluster extension. */
@Timeout(30)
class LocalOnlyConfigTest {

    private static final ClassLoader LOADER = LocalOnlyConfigTest.class.getClassLoader();

    @Test
    void localRuntime_hasLocalProviderAndNoClusterSideSettings() throws Exception {
        // precondition: the class path does hold the cluster modules, so hiding them is what is tested
        Config everything = ConfigFactory.defaultReference(LOADER);
        assertTrue(everything.hasPath("akka.cluster") && everything.hasPath("akka.remote"));

        TaskRunner echo = (task, services) -> task;
        try (LocalExecutorRuntime runtime = LocalExecutorRuntime.start("local-only", 2, 1, echo, LOADER)) {
            Config config = runtime.actorSystemConfig();

            assertEquals("local", config.getString("akka.actor.provider"));
            for (String clusterSide : List.of("akka.remote", "akka.cluster", "akka.stream", "akka.coordination",
                    "ssl-config")) {
                assertFalse(config.hasPath(clusterSide), clusterSide + " should not be configured in local mode");
            }
            assertEquals(KryoAkkaSerializer.class.getName(), config.getString("akka.actor.serializers.ember-kryo"));
            assertFalse(runtime.hasExtension(clusterExtension()));

            TaskOutcome outcome = runtime.launch("exec-1", 7, "ping".getBytes(UTF_8))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertArrayEquals("ping".getBytes(UTF_8), ((TaskOutcome.Finished) outcome).result());
        }
    }

    @Test
    void loader_hidesOnlyClusterSideReferenceConf() throws Exception {
        LocalOnlyConfigLoader loader = new LocalOnlyConfigLoader(LOADER);

        List<String> all = urls(LOADER, "reference.conf");
        List<String> kept = urls(loader, "reference.conf");

        assertTrue(kept.stream().anyMatch(url -> url.contains("akka-actor_")), kept.toString());
        assertTrue(kept.stream().anyMatch(url -> url.contains("akka-actor-typed_")), kept.toString());
        assertTrue(kept.contains(ownReferenceConf()), kept.toString());
        for (String module : List.of("akka-remote_", "akka-cluster_", "akka-cluster-typed_", "akka-cluster-tools_",
                "akka-distributed-data_", "akka-stream_", "akka-coordination_", "ssl-config-core_")) {
            assertTrue(all.stream().anyMatch(url -> url.contains(module)), module + " missing from the class path");
            assertFalse(kept.stream().anyMatch(url -> url.contains(module)), module + " was not hidden");
        }
        assertEquals(kept.get(0), loader.getResource("reference.conf").toExternalForm());
        assertEquals(urls(LOADER, "version.conf"), urls(loader, "version.conf"));
        assertSame(akka.actor.ActorSystem.class, loader.loadClass("akka.actor.ActorSystem"));
    }

    private static ExtensionId<?> clusterExtension() throws ReflectiveOperationException {
        return (ExtensionId<?>) Class.forName("akka.cluster.Cluster$").getField("MODULE$").get(null);
    }

    /** This module's reference.conf, found next to one of its classes (a jar or target/classes). */
    private static String ownReferenceConf() {
        String marker = RuntimeConfig.class.getName().replace('.', '/') + ".class";
        String classUrl = LOADER.getResource(marker).toExternalForm();
        return classUrl.substring(0, classUrl.length() - marker.length()) + "reference.conf";
    }

    private static List<String> urls(ClassLoader loader, String name) throws Exception {
        return Collections.list(loader.getResources(name)).stream().map(URL::toExternalForm).toList();
    }
}
