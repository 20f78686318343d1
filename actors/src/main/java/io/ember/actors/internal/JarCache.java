package io.ember.actors.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/*
 * Design notes
 * ------------
 * A worker's jars for applications: the driver describes its jars by digest; those not on the
 * worker's own class path are downloaded over the data path into <work dir>/jars/<sha256>.jar,
 * verified against their digest, and kept across applications (content-addressed, so a jar is
 * never downloaded twice and never stale). Downloads go to a temporary file first and are moved
 * into place atomically, so concurrent applications can share the cache.
 */
final class JarCache {
    private final Path directory;
    private final Supplier<Set<String>> localDigests;

    JarCache(Path directory, Supplier<Set<String>> localDigests) {
        this.directory = directory;
        this.localDigests = localDigests;
    }

    /** The local copies of the described jars the worker lacks, downloading what is not cached. */
    List<Path> jarsFor(List<String> described, DataClient client, String driverAddress, String appId) throws IOException {
        Set<String> local = localDigests.get();
        Set<String> seen = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (String text : described) {
            ClassPathJars.Jar jar = ClassPathJars.Jar.parse(text);
            if (local.contains(jar.sha256()) || !seen.add(jar.sha256())) {
                continue;
            }
            paths.add(ensure(jar, client, driverAddress, appId));
        }
        return paths;
    }

    private Path ensure(ClassPathJars.Jar jar, DataClient client, String driverAddress, String appId) throws IOException {
        Path target = directory.resolve(jar.sha256() + ".jar");
        if (Files.isRegularFile(target) && Files.size(target) == jar.size()) {
            return target;
        }
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, jar.sha256(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                client.fetch(driverAddress, DataServer.OP_JAR, appId, jar.sha256().getBytes(StandardCharsets.UTF_8), out);
            }
            String actual = ClassPathJars.sha256(partial);
            if (!actual.equals(jar.sha256())) {
                throw new IOException("the downloaded " + jar.path() + " has digest " + actual + ", not " + jar.sha256());
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
