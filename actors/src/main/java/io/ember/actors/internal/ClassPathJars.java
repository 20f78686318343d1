package io.ember.actors.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/*
 * Design notes
 * ------------
 * Jars are named by the SHA-256 of their content, so a worker can tell which of the driver's
 * jars it already has (its own class path) whatever their paths, and cache downloaded ones by
 * digest across applications. The class path is java.class.path plus the Class-Path entries of
 * its jars' manifests (followed transitively): launchers such as Maven Surefire put a single
 * manifest-only jar on java.class.path. Directories on the class path are not shipped as jars;
 * their classes are served one by one, by name (DriverData), like JShell's.
 *
 * Digests are memoized per (path, size, modification time) for the life of the JVM: a driver
 * that starts several contexts hashes its class path once.
 */
final class ClassPathJars {

    /** A jar: its content's digest, size and (on this node) location. */
    record Jar(String sha256, long size, Path path) {
        /** {@code sha256:size:fileName}, the form that travels to workers. */
        String describe() {
            return sha256 + ":" + size + ":" + path.getFileName();
        }

        /** The digest and size of a {@link #describe()}d jar; the path is only its file name. */
        static Jar parse(String described) {
            String[] parts = described.split(":", 3);
            if (parts.length != 3 || !parts[0].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a described jar: " + described);
            }
            return new Jar(parts[0], Long.parseLong(parts[1]), Path.of(parts[2]).getFileName());
        }
    }

    private record Stamp(Path path, long size, long modified) {}

    private static final Map<Stamp, String> DIGESTS = new ConcurrentHashMap<>();

    private ClassPathJars() {
    }

    /** The jars of this JVM's class path (manifest Class-Path entries included), then {@code extra}. */
    static List<Jar> of(List<Path> extra) {
        Set<Path> jars = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                addJar(Path.of(entry).toAbsolutePath().normalize(), jars);
            }
        }
        for (Path jar : extra) {
            addJar(jar.toAbsolutePath().normalize(), jars);
        }
        List<Jar> described = new ArrayList<>();
        for (Path jar : jars) {
            described.add(digest(jar));
        }
        return described;
    }

    /** The digest of one jar (memoized). */
    static Jar digest(Path jar) {
        try {
            Stamp stamp = new Stamp(jar, Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
            String sha = DIGESTS.get(stamp);
            if (sha == null) {
                sha = sha256(jar);
                DIGESTS.put(stamp, sha);
            }
            return new Jar(sha, stamp.size(), jar);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the jar " + jar + ": " + e, e);
        }
    }

    /** The SHA-256 of a file's content, in lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void addJar(Path path, Set<Path> jars) {
        if (!Files.isRegularFile(path) || !path.toString().endsWith(".jar") || !jars.add(path)) {
            return;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return;
            }
            URI base = path.getParent().toUri();
            for (String entry : classPath.trim().split("\\s+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                URI resolved = base.resolve(entry);
                if ("file".equals(resolved.getScheme())) {
                    addJar(Path.of(resolved).normalize(), jars);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // why: an unreadable manifest only means its Class-Path entries are not followed
        }
    }
}
