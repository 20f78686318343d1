package io.ember.rdd.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local directory of an application, {@code <parent>/ember-<app>-<random>} (cached blocks,
 * spills and shuffle files of the local executors live in it), created with its owner recorded
 * ({@link DirectoryOwner}). Creating one first deletes the abandoned ones that drivers which
 * died without {@code close()} left in {@code parent}; those of running processes, and
 * directories without an owner record, are left alone.
 */
public final class ApplicationDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationDirectory.class);
    private static final String PREFIX = "ember-";

    private ApplicationDirectory() {
    }

    /**
     * Creates {@code parent} if missing ({@code ember.local.dir} may name a new directory), deletes
     * the abandoned application directories in it, then creates and claims a new one for
     * {@code appName}.
     *
     * @throws UncheckedIOException if the new directory cannot be created
     */
    public static Path create(Path parent, String appName) {
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the local directory " + parent + " (ember.local.dir)", e);
        }
        deleteAbandoned(parent);
        try {
            Path dir = Files.createTempDirectory(parent, PREFIX + appName.replaceAll("[^A-Za-z0-9_-]", "-") + "-");
            DirectoryOwner.claim(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the application's local directory in " + parent, e);
        }
    }

    private static void deleteAbandoned(Path parent) {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path candidate : candidates) {
                if (Files.isDirectory(candidate) && DirectoryOwner.isAbandoned(candidate)) {
                    deleteLeftover(candidate);
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            LOG.warn("Could not look for the local directories of ended applications in {}", parent, e);
        }
    }

    private static void deleteLeftover(Path dir) {
        try {
            DirectoryOwner.delete(dir);
            LOG.info("Deleted {}, the local directory of an application whose process ended without closing it", dir);
        } catch (IOException e) {
            LOG.warn("Could not delete {}, the local directory of an ended application", dir, e);
        }
    }
}
