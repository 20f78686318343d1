package io.ember.rdd.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The commit protocol of file output: output appears whole or not at all.
 *
 * <p>Tasks write into {@code <staging>/_temporary/<attempt>/} and, on success, move their file
 * to {@code <staging>/}; a retried or duplicate attempt just replaces it. When the job
 * succeeds, {@code _SUCCESS} is written and the staging directory (a hidden sibling of the
 * destination, so on the same file system) is renamed to the destination. With overwrite, the
 * old destination is first renamed aside and deleted only after the new output is in place. A
 * failed or killed job leaves the destination as it was (absent, or the old output).
 */
public final class OutputCommitter {
    private final Path destination;
    private final Path staging;
    private final boolean overwrite;

    private OutputCommitter(Path destination, Path staging, boolean overwrite) {
        this.destination = destination;
        this.staging = staging;
        this.overwrite = overwrite;
    }

    /**
     * Prepares a job writing to {@code destination}.
     *
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} if the destination
     *     exists and {@code overwrite} is false
     */
    public static OutputCommitter setupJob(String destination, boolean overwrite) {
        Path dest = Path.of(destination).toAbsolutePath().normalize();
        if (Files.exists(dest) && !overwrite) {
            throw new UncheckedIOException(new FileAlreadyExistsException(dest.toString(), null,
                    "output path already exists; pass overwrite=true to replace it"));
        }
        Path staging = dest.resolveSibling("." + dest.getFileName() + ".ember-staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging.resolve("_temporary"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the staging directory " + staging, e);
        }
        return new OutputCommitter(dest, staging, overwrite);
    }

    /** The staging directory's path, to be captured by tasks. */
    public String stagingPath() {
        return staging.toString();
    }

    /** Where a task attempt writes {@code fileName} before committing. */
    public static Path taskAttemptFile(String stagingPath, int partition, int attempt, long taskId, String fileName) {
        return Path.of(stagingPath, "_temporary", "attempt_" + partition + "_" + attempt + "_" + taskId, fileName);
    }

    /** Moves a finished task attempt's file into the staging directory. */
    public static void commitTask(String stagingPath, Path attemptFile) {
        try {
            Files.move(attemptFile, Path.of(stagingPath).resolve(attemptFile.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(attemptFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit task output " + attemptFile, e);
        }
    }

    /** Marks the output complete and moves it into place. */
    public void commitJob() {
        try {
            deleteRecursively(staging.resolve("_temporary"));
            Files.createFile(staging.resolve("_SUCCESS"));
            if (overwrite && Files.exists(destination)) {
                Path old = destination.resolveSibling("." + destination.getFileName() + ".ember-old-" + UUID.randomUUID());
                Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            } else {
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
            // Leftover staging files are hidden siblings; they never corrupt the destination.
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
