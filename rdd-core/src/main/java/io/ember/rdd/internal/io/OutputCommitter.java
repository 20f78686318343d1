package io.ember.rdd.internal.io;

import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.DirectoryOwner;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The commit protocol of file output (RDD and DataFrame writers): output appears whole or not
 * at all.
 *
 * <p>Tasks write into {@code <staging>/_temporary/<attempt>/<relative path>}, where the relative
 * path may have directories ({@code year=2021/part-00000-...}), and on success move every file of
 * their attempt to {@code <staging>/<relative path>}; a retried attempt replaces the files of the
 * same names, and a failed attempt's directory is deleted. When the job succeeds,
 * {@code _SUCCESS} is written and the staging directory (a hidden sibling of the destination,
 * so on the same file system) becomes the destination, as the {@link SaveMode} says:
 * <ul>
 *   <li>an absent destination: one rename, for every mode;</li>
 *   <li>{@link SaveMode#ERROR}: an existing destination fails the job before any task runs;</li>
 *   <li>{@link SaveMode#IGNORE}: an existing destination means there is no job at all;</li>
 *   <li>{@link SaveMode#OVERWRITE}: the old destination is renamed aside, the new output renamed
 *       in, and only then is the old output deleted;</li>
 *   <li>{@link SaveMode#APPEND}: each new file is moved into the existing destination; a name
 *       that already exists there fails the commit before anything moves (so file names should
 *       be unique per job, see {@link #jobId()}), and a move that fails takes back those done.</li>
 * </ul>
 * A failed or killed job leaves the destination as it was (absent, or the old output); its
 * leftovers are hidden {@code .<name>.ember-*} siblings. The staging directory records the
 * driver process that owns it ({@link DirectoryOwner}), and the next job writing to the same
 * destination deletes the staging directories of drivers that have ended. A crash during an
 * overwrite's two renames leaves the old output in its hidden {@code .ember-old-} sibling, never
 * deleted (it may be the only copy).
 *
 * <p>Job-side methods ({@link #setupJob}, {@link #commitJob}, {@link #abortJob}) run on the
 * driver; task-side ones are static and take the {@link #stagingPath()} string that tasks capture.
 */
public final class OutputCommitter {
    /** What to do when the destination exists; Spark's save modes. */
    public enum SaveMode {
        /** Fail with {@link FileAlreadyExistsException}. */
        ERROR,
        /** Replace the old output, once the new output is complete. */
        OVERWRITE,
        /** Add the new files to the old ones. */
        APPEND,
        /** Write nothing and keep the old output. */
        IGNORE
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutputCommitter.class);
    private static final String SUCCESS = "_SUCCESS";
    private static final String TEMPORARY = "_temporary";

    private final Path destination;
    private final Path staging;
    private final SaveMode mode;
    private final String jobId;

    private OutputCommitter(Path destination, Path staging, SaveMode mode, String jobId) {
        this.destination = destination;
        this.staging = staging;
        this.mode = mode;
        this.jobId = jobId;
    }

    /**
     * Prepares a job writing to {@code destination} in {@code mode}; none if the destination
     * exists and the mode is {@link SaveMode#IGNORE} (there is nothing to do).
     *
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} if the destination
     *     exists and the mode is {@link SaveMode#ERROR}, or wrapping the failure to create the
     *     staging directory
     */
    public static Option<OutputCommitter> setupJob(String destination, SaveMode mode) {
        Objects.requireNonNull(destination, "destination is null");
        Objects.requireNonNull(mode, "mode is null");
        Path dest = Path.of(destination).toAbsolutePath().normalize();
        if (Files.exists(dest)) {
            if (mode == SaveMode.ERROR) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dest.toString(), null,
                        "output path already exists; use overwrite to replace it"));
            }
            if (mode == SaveMode.IGNORE) {
                return Option.none();
            }
        }
        deleteAbandonedStaging(dest);
        String jobId = UUID.randomUUID().toString();
        Path staging = dest.resolveSibling(stagingPrefix(dest) + jobId);
        try {
            Files.createDirectories(staging.resolve(TEMPORARY));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the staging directory " + staging, e);
        }
        try {
            DirectoryOwner.claim(staging);
        } catch (UncheckedIOException e) {
            deleteQuietlyAfter(e, staging);
            throw e;
        }
        return Option.some(new OutputCommitter(dest, staging, mode, jobId));
    }

    /**
     * Prepares a job writing to {@code destination}, replacing it if {@code overwrite}
     * ({@link SaveMode#OVERWRITE}), else failing if it exists ({@link SaveMode#ERROR}).
     *
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} if the destination
     *     exists and {@code overwrite} is false
     */
    public static OutputCommitter setupJob(String destination, boolean overwrite) {
        return setupJob(destination, overwrite ? SaveMode.OVERWRITE : SaveMode.ERROR).get();
    }

    /** The staging directory's path, to be captured by tasks. */
    public String stagingPath() {
        return staging.toString();
    }

    /** A unique id of this job, for file names that must not collide with earlier jobs' (appends). */
    public String jobId() {
        return jobId;
    }

    // ---- task side ------------------------------------------------------------------------------

    /**
     * Where the attempt running in {@code ctx} writes {@code relativePath} before committing; the
     * caller creates the parent directories.
     *
     * @throws IllegalArgumentException if {@code relativePath} is absolute or leaves the output
     */
    public static Path taskAttemptFile(String stagingPath, TaskContext ctx, String relativePath) {
        return taskAttemptFile(stagingPath, ctx.partitionId(), ctx.attemptNumber(), ctx.taskAttemptId(), relativePath);
    }

    /**
     * Where attempt {@code attempt} (task {@code taskId}) of {@code partition} writes
     * {@code relativePath} before committing.
     *
     * @throws IllegalArgumentException if {@code relativePath} is absolute or leaves the output
     */
    public static Path taskAttemptFile(String stagingPath, int partition, int attempt, long taskId,
                                       String relativePath) {
        Path relative = Path.of(relativePath).normalize();
        if (relative.isAbsolute() || relative.toString().isEmpty() || relative.startsWith("..")) {
            throw new IllegalArgumentException("output file must be a relative path inside the output, got "
                    + relativePath);
        }
        return attemptDir(stagingPath, partition, attempt, taskId).resolve(relative);
    }

    /** Moves every file the attempt running in {@code ctx} wrote into the staging directory. */
    public static void commitTask(String stagingPath, TaskContext ctx) {
        commitAttempt(stagingPath, attemptDir(stagingPath, ctx.partitionId(), ctx.attemptNumber(), ctx.taskAttemptId()));
    }

    /**
     * Moves every file of the attempt that wrote {@code attemptFile} (a path from
     * {@link #taskAttemptFile}) into the staging directory.
     */
    public static void commitTask(String stagingPath, Path attemptFile) {
        Path temporary = Path.of(stagingPath, TEMPORARY);
        Path dir = attemptFile;
        while (dir.getParent() != null && !dir.getParent().equals(temporary)) {
            dir = dir.getParent();
        }
        if (dir.getParent() == null) {
            throw new IllegalArgumentException(attemptFile + " is not a task attempt file of " + stagingPath);
        }
        commitAttempt(stagingPath, dir);
    }

    /** Deletes what the failed attempt running in {@code ctx} wrote; never throws. */
    public static void abortTask(String stagingPath, TaskContext ctx) {
        try {
            deleteRecursively(attemptDir(stagingPath, ctx.partitionId(), ctx.attemptNumber(), ctx.taskAttemptId()));
        } catch (IOException e) {
            // why: the attempt directory is under _temporary, which the job commit or abort deletes anyway
        }
    }

    private static Path attemptDir(String stagingPath, int partition, int attempt, long taskId) {
        return Path.of(stagingPath, TEMPORARY, "attempt_" + partition + "_" + attempt + "_" + taskId);
    }

    private static void commitAttempt(String stagingPath, Path attemptDir) {
        if (!Files.exists(attemptDir)) {
            return;
        }
        Path root = Path.of(stagingPath);
        try {
            for (Path f : regularFiles(attemptDir)) {
                Path target = root.resolve(attemptDir.relativize(f));
                Files.createDirectories(target.getParent());
                Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteRecursively(attemptDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit task output " + attemptDir, e);
        }
    }

    // ---- job side -------------------------------------------------------------------------------

    /**
     * Marks the output complete and moves it into place as the mode says. On failure the job is
     * aborted and the destination is as it was.
     *
     * @throws UncheckedIOException if the output cannot be moved into place, wrapping
     *     {@link FileAlreadyExistsException} when the destination appeared meanwhile in
     *     {@link SaveMode#ERROR}, or when an appended file's name is taken
     */
    public void commitJob() {
        try {
            deleteRecursively(staging.resolve(TEMPORARY));
            Files.deleteIfExists(staging.resolve(DirectoryOwner.FILE));
            Files.createFile(staging.resolve(SUCCESS));
            if (!Files.exists(destination)) {
                Files.createDirectories(destination.getParent());
                Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            switch (mode) {
                case ERROR -> throw new FileAlreadyExistsException(destination.toString(), null,
                        "output path was created while the job ran");
                case IGNORE -> abortJob();
                case OVERWRITE -> overwrite();
                case APPEND -> append();
                default -> throw new IllegalStateException("unknown mode " + mode);
            }
        } catch (IOException e) {
            abortJob();
            throw new UncheckedIOException("Cannot commit output to " + destination, e);
        }
    }

    /** Removes everything the job wrote; the destination is untouched. Never throws. */
    public void abortJob() {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            // why: leftover staging files are hidden siblings; they never corrupt the destination
        }
    }

    /** Deletes {@code dir} after {@code failure}, to which a failure to delete is added. */
    private static void deleteQuietlyAfter(Exception failure, Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The name of {@code destination}'s staging directories, less the job id. */
    private static String stagingPrefix(Path destination) {
        return "." + destination.getFileName() + ".ember-staging-";
    }

    /**
     * Deletes the staging directories that jobs writing to {@code destination} left when their
     * driver died (killed mid-write); never those of running drivers, nor any this process owns.
     */
    private static void deleteAbandonedStaging(Path destination) {
        Path parent = destination.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String prefix = stagingPrefix(destination);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path staging : siblings) {
                if (DirectoryOwner.isAbandoned(staging)) {
                    DirectoryOwner.delete(staging);
                    LOG.info("Deleted {}, the staging directory of a job whose driver ended while writing {}", staging,
                            destination);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.warn("Could not delete the staging directories that ended jobs left beside {}", destination, e);
        }
    }

    private void overwrite() throws IOException {
        Path old = destination.resolveSibling("." + destination.getFileName() + ".ember-old-" + jobId);
        Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, destination, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(old);
    }

    private void append() throws IOException {
        Path marker = staging.resolve(SUCCESS);
        List<Path> files = new ArrayList<>(regularFiles(staging));
        files.remove(marker);
        for (Path f : files) {
            Path target = destination.resolve(staging.relativize(f));
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "appending would replace a file of the existing output");
            }
        }
        List<Path> created = new ArrayList<>();
        try {
            for (Path f : files) {
                Path target = destination.resolve(staging.relativize(f));
                createDirectories(target.getParent(), created);
                Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
                created.add(target);
            }
        } catch (IOException e) {
            // why: take back the files and directories of this job only, never the old ones
            for (int i = created.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(created.get(i));
            }
            throw e;
        }
        Files.move(marker, destination.resolve(SUCCESS), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(staging);
    }

    /** Creates {@code dir} and its missing parents, adding those it created to {@code created}, outermost first. */
    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent(), created);
        Files.createDirectory(dir);
        created.add(dir);
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
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
