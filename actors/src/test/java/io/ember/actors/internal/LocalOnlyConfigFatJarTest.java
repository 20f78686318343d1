package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shaded application jar holds one reference.conf merged from every Akka module: hiding it as
 * akka-remote's would hide akka-actor's settings too ("No configuration setting found for key
 * 'akka.version'"), so the local loader keeps it; separate jars still have the cluster ones hidden.
 */
class LocalOnlyConfigFatJarTest {
    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String entry : entries) {
                j.putNextEntry(new JarEntry(entry));
                j.write(entry.equals("reference.conf") ? ("origin = " + name + "\n").getBytes(StandardCharsets.UTF_8)
                        : new byte[] {0});
                j.closeEntry();
            }
        }
        return jar;
    }

    private static List<URL> references(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        try (URLClassLoader parent = new URLClassLoader(urls, null)) {
            return Collections.list(new LocalOnlyConfigLoader(parent).getResources("reference.conf"));
        }
    }

    @Test
    void aFatJarsMergedReferenceIsKept() throws IOException {
        Path fat = jar("app.jar", "akka/actor/ActorSystem.class", "akka/remote/RemoteActorRefProvider.class",
                "akka/cluster/Cluster.class", "reference.conf");
        assertEquals(1, references(fat).size());
    }

    @Test
    void separateClusterJarsAreHidden() throws IOException {
        Path actor = jar("akka-actor.jar", "akka/actor/ActorSystem.class", "reference.conf");
        Path remote = jar("akka-remote.jar", "akka/remote/RemoteActorRefProvider.class", "reference.conf");
        List<URL> kept = references(actor, remote);
        assertEquals(1, kept.size());
        assertEquals(true, kept.get(0).toExternalForm().contains("akka-actor.jar"));
    }
}
