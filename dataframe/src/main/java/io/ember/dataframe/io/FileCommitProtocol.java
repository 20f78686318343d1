package io.ember.dataframe.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The commit protocol of DataFrame output: output appears whole or not at all. Like rdd-core's
 * {@code OutputCommitter}, with what DataFrame writers need on top: files in partition
 * subdirectories ({@code year=2021/...}) and appending.
 *
 * <p>Tasks write into {@code <staging>/_temporary/<attempt>/<relative path>} and, on success,
 * move their files to {@code <staging>/<relative path>}; a retried attempt just replaces them.
 * When the job succeeds, {@code _SUCCESS} is written and the staging directory (a hidden sibling
 * of the destination) becomes the destination: by one rename, or for overwrite by renaming the
 * old output aside first and deleting it only after the new one is in place; for append, each
 * file is moved into the existing destination. A failed job deletes the staging directory and
 * leaves the destination as it was.
 */
public final class FileCommitProtocol {
    /** Where staged files go, for tasks. */
    public record Staging(String path, String jobId) implements Serializable {

        /** The file a task attempt writes {@code relativePath} to. */
        public Path attemptFile(int partition, int attempt, long taskId, String relativePath) {
            return Path.of(path, "_temporary", "attempt_" + partition + "_" + attempt + "_" + taskId).resolve(relativePath);
        }

        /** Moves a finished attempt's files into the staging directory. */
        public void commitTask(int partition, int attempt, long taskId) {
            Path attemptDir = Path.of(path, "_temporary", "attempt_" + partition + "_" + attempt + "_" + taskId);
            if (!Files.exists(attemptDir)) {
                return;
            }
            try (Stream<Path> files = Files.walk(attemptDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = Path.of(path).resolve(attemptDir.relativize(f));
                    Files.createDirectories(target.getParent());
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                deleteRecursively(attemptDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot commit task output of " + attemptDir, e);
            }
        }
    }

    /** What to do when the destination exists. */
    public enum Mode { ERROR, OVERWRITE, APPEND, IGNORE }

    private final Path destination;
    private final Path staging;
    private final Mode mode;
    private final String jobId;

    private FileCommitProtocol(Path destination, Path staging, Mode mode, String jobId) {
        this.destination = destination;
        this.staging = staging;
        this.mode = mode;
        this.jobId = jobId;
    }

    /**
     * Prepares a job writing to {@code destination}; null if the destination exists and the mode
     * is IGNORE (nothing to do).
     *
     * @throws io.ember.dataframe.AnalysisException if it exists and the mode is ERROR
     */
    public static FileCommitProtocol setupJob(String destination, Mode mode) {
        Path dest = Path.of(destination).toAbsolutePath().normalize();
        if (Files.exists(dest)) {
            if (mode == Mode.ERROR) {
                throw new io.ember.dataframe.AnalysisException("[PATH_ALREADY_EXISTS] Path file:" + dest
                        + " already exists. Set mode as \"overwrite\" to overwrite the existing path.");
            }
            if (mode == Mode.IGNORE) {
                return null;
            }
        }
        String jobId = UUID.randomUUID().toString();
        Path staging = dest.resolveSibling("." + dest.getFileName() + ".ember-staging-" + jobId);
        try {
            Files.createDirectories(staging.resolve("_temporary"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the staging directory " + staging, e);
        }
        return new FileCommitProtocol(dest, staging, mode, jobId);
    }

    /** What tasks need. */
    public Staging staging() {
        return new Staging(staging.toString(), jobId);
    }

    /** Marks the output complete and moves it into place. */
    public void commitJob() {
        try {
            deleteRecursively(staging.resolve("_temporary"));
            Files.createFile(staging.resolve("_SUCCESS"));
            if (mode == Mode.APPEND && Files.exists(destination)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(staging)) {
                    files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
                }
                for (Path f : files) {
                    Path target = destination.resolve(staging.relativize(f));
                    Files.createDirectories(target.getParent());
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                deleteRecursively(staging);
            } else if (mode == Mode.OVERWRITE && Files.exists(destination)) {
                Path old = destination.resolveSibling("." + destination.getFileName() + ".ember-old-" + jobId);
                Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            } else {
                Files.createDirectories(destination.getParent());
                Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            abortJob();
            throw new UncheckedIOException("Cannot commit output to " + destination, e);
        }
    }

    /** Removes everything the job wrote; the destination is untouched. */
    public void abortJob() {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            // staging directories are hidden siblings; a leftover never corrupts the destination
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
