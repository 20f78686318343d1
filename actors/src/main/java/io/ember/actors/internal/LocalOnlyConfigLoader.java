package io.ember.actors.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class loader a local runtime's ActorSystem is given: it loads every class as its parent
 * does, but hides the {@code reference.conf} of Akka's cluster-side modules (remoting, cluster,
 * cluster tools, distributed data, streams, coordination, ssl-config), so a {@code local[N]}
 * application neither parses nor carries their settings.
 *
 * <p>Why a class loader: Akka merges {@code ConfigFactory.defaultReference(loader)} into its
 * settings itself, with the loader it was started with, whatever configuration it is handed. The
 * Typesafe Config library caches that merge per loader, so one shared instance parses once per JVM.
 *
 * <p>A module is recognised by one class it holds (a marker); a module not recognised keeps its
 * {@code reference.conf}, which costs parse time but never a missing setting.
 */
final class LocalOnlyConfigLoader extends ClassLoader {

    private static final String REFERENCE = "reference.conf";

    /** One class of each cluster-side module whose reference.conf a local runtime does not need. */
    private static final List<String> CLUSTER_SIDE_MARKERS = List.of(
            "akka/remote/RemoteActorRefProvider.class",
            "akka/cluster/Cluster.class",
            "akka/cluster/typed/Cluster.class",
            "akka/cluster/pubsub/DistributedPubSub.class",
            "akka/cluster/ddata/DistributedData.class",
            "akka/stream/Materializer.class",
            "akka/coordination/lease/LeaseSettings.class",
            "com/typesafe/sslconfig/ssl/SSLConfigSettings.class");

    /**
     * Classes of the modules a local runtime needs. A cluster-side marker found where one of these
     * lives is in a fat jar whose single reference.conf merges every module's: that file is kept.
     */
    private static final List<String> LOCAL_MARKERS = List.of(
            "akka/actor/ActorSystem.class",
            "akka/actor/typed/ActorSystem.class");

    static {
        registerAsParallelCapable();
    }

    /** Shared, so that the Config library's per-loader cache of the merged reference holds. */
    private static final LocalOnlyConfigLoader FOR_AKKA =
            new LocalOnlyConfigLoader(LocalOnlyConfigLoader.class.getClassLoader());

    LocalOnlyConfigLoader(ClassLoader parent) {
        super("ember-local-config", Objects.requireNonNull(parent, "parent is null"));
    }

    /** The loader for local runtimes, over the class loader that loaded Akka and Ember's actors. */
    static LocalOnlyConfigLoader forAkka() {
        return FOR_AKKA;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!REFERENCE.equals(name)) {
            return all;
        }
        Set<String> hidden = clusterSideOrigins();
        List<URL> kept = new ArrayList<>();
        for (URL url : Collections.list(all)) {
            if (!hidden.contains(origin(url, REFERENCE))) {
                kept.add(url);
            }
        }
        return Collections.enumeration(kept);
    }

    @Override
    public URL getResource(String name) {
        if (!REFERENCE.equals(name)) {
            return super.getResource(name);
        }
        try {
            Enumeration<URL> kept = getResources(name);
            return kept.hasMoreElements() ? kept.nextElement() : null;
        } catch (IOException e) {
            // getResource reports an unreadable class path as "not found", as ClassLoader's own does.
            return null;
        }
    }

    /** Where each cluster-side module present on the class path was loaded from (jar or directory). */
    private Set<String> clusterSideOrigins() {
        Set<String> needed = originsOf(LOCAL_MARKERS);
        return originsOf(CLUSTER_SIDE_MARKERS).stream().filter(origin -> !needed.contains(origin))
                .collect(Collectors.toUnmodifiableSet());
    }

    private Set<String> originsOf(List<String> markers) {
        return markers.stream()
                .flatMap(marker -> Stream.ofNullable(getParent().getResource(marker))
                        .map(url -> origin(url, marker)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The URL of the jar or directory holding a resource: its URL without the resource's name. */
    private static String origin(URL url, String resource) {
        String text = url.toExternalForm();
        return text.endsWith(resource) ? text.substring(0, text.length() - resource.length()) : text;
    }
}
