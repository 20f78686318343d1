package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.internal.io.OutputCommitter;
import io.ember.rdd.internal.io.OutputCommitter.SaveMode;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output commit protocol with files in subdirectories per task attempt (as DataFrame
 * {@code partitionBy} writes them) and the four save modes: what the destination holds after a
 * job that succeeds, and that a job that fails changes nothing.
 */
class OutputCommitterTest {
    static EmberContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[2]").appName("output-committer").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    /**
     * Writes each element {@code "sub/dir:text"} as a line of {@code sub/dir/part-P-<job>} (P the
     * partition); an element {@code "boom"} fails its task every time. Returns the job id, none if
     * the mode said there was nothing to do.
     */
    private Option<String> write(Path dest, SaveMode mode, List<String> elements) {
        Option<OutputCommitter> setup = OutputCommitter.setupJob(dest.toString(), mode);
        if (setup.isEmpty()) {
            return Option.none();
        }
        OutputCommitter committer = setup.get();
        String staging = committer.stagingPath();
        String job = committer.jobId();
        try {
            sc.runJob(sc.parallelize(elements, 2), (ctx, it) -> {
                while (it.hasNext()) {
                    String e = it.next();
                    if (e.equals("boom")) {
                        OutputCommitter.abortTask(staging, ctx);
                        throw new IllegalStateException("boom");
                    }
                    String[] parts = e.split(":");
                    Path file = OutputCommitter.taskAttemptFile(staging, ctx,
                            parts[0] + "/part-" + ctx.partitionId() + "-" + job);
                    try {
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, parts[1] + "\n", java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
                OutputCommitter.commitTask(staging, ctx);
                return null;
            });
        } catch (RuntimeException e) {
            committer.abortJob();
            throw e;
        }
        committer.commitJob();
        return Option.some(job);
    }

    /** Every file under {@code root} (relative path, content), and whether hidden staging siblings remain. */
    private static TreeMap<String, String> contents(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return TreeMap.ofEntries(s.filter(Files::isRegularFile).map(p -> {
                try {
                    return io.vavr.Tuple.of(root.relativize(p).toString(), Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList());
        }
    }

    private List<String> hiddenSiblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return List.ofAll(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    private static String lines(TreeMap<String, String> files, String prefix) {
        return files.filterKeys(k -> k.startsWith(prefix)).values().mkString();
    }

    @Test
    void subdirectories_perTaskAttempt_areCommittedUnderTheDestination() throws IOException {
        Path out = dir.resolve("parts");
        String job = write(out, SaveMode.ERROR, List.of("year=2020:a", "year=2021:b", "year=2020:c", "year=2021:d")).get();
        TreeMap<String, String> files = contents(out);
        assertEquals(List.of("_SUCCESS", "year=2020/part-0-" + job, "year=2020/part-1-" + job, "year=2021/part-0-" + job,
                "year=2021/part-1-" + job), files.keySet().toList());
        assertEquals("a\nc\n", lines(files, "year=2020/"));
        assertEquals(List.empty(), hiddenSiblings());
    }

    @Test
    void error_whenTheDestinationExists_failsBeforeAnyTaskRuns() throws IOException {
        Path out = dir.resolve("exists");
        write(out, SaveMode.ERROR, List.of("x:old"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> write(out, SaveMode.ERROR, List.of("x:new")));
        assertInstanceOf(FileAlreadyExistsException.class, e.getCause());
        assertEquals("old\n", lines(contents(out), "x/"));
        assertEquals(List.empty(), hiddenSiblings());
    }

    @Test
    void ignore_keepsAnExistingDestination_andWritesAnAbsentOne() throws IOException {
        Path out = dir.resolve("ignored");
        assertTrue(write(out, SaveMode.IGNORE, List.of("x:first")).isDefined());
        assertTrue(write(out, SaveMode.IGNORE, List.of("x:second")).isEmpty());
        assertEquals("first\n", lines(contents(out), "x/"));
        assertEquals(List.empty(), hiddenSiblings());
    }

    @Test
    void overwrite_replacesTheOldOutput_onlyWhenTheNewOneIsComplete() throws IOException {
        Path out = dir.resolve("replaced");
        write(out, SaveMode.OVERWRITE, List.of("x:old", "y:old"));
        assertThrows(JobFailedException.class, () -> write(out, SaveMode.OVERWRITE, List.of("x:new", "boom")));
        assertEquals("old\n", lines(contents(out), "x/"));
        assertEquals("old\n", lines(contents(out), "y/"));
        write(out, SaveMode.OVERWRITE, List.of("z:new", "z:newer"));
        TreeMap<String, String> files = contents(out);
        assertEquals("new\nnewer\n", lines(files, "z/"));
        assertFalse(files.keySet().exists(k -> k.startsWith("x/") || k.startsWith("y/")), files.toString());
        assertTrue(files.containsKey("_SUCCESS"));
        assertEquals(List.empty(), hiddenSiblings());
    }

    @Test
    void append_addsNewFiles_andNeverLosesOldOnes() throws IOException {
        Path out = dir.resolve("appended");
        write(out, SaveMode.APPEND, List.of("year=2020:a"));
        write(out, SaveMode.APPEND, List.of("year=2020:b", "year=2021:c"));
        assertThrows(JobFailedException.class, () -> write(out, SaveMode.APPEND, List.of("year=2022:d", "boom")));
        TreeMap<String, String> files = contents(out);
        assertEquals(List.of("a", "b"), List.of(lines(files, "year=2020/").split("\n")).sorted());
        assertEquals("c\n", lines(files, "year=2021/"));
        assertFalse(Files.exists(out.resolve("year=2022")), "a failed append adds nothing");
        assertEquals(4, files.size(), "three part files and _SUCCESS: " + files.keySet());
        assertEquals(List.empty(), hiddenSiblings());
    }

    @Test
    void append_thatWouldReplaceAFile_failsWithoutMovingAnything() throws IOException {
        Path out = dir.resolve("clash");
        OutputCommitter committer = OutputCommitter.setupJob(out.toString(), SaveMode.APPEND).get();
        Path staged = Path.of(committer.stagingPath());
        Files.createDirectories(staged.resolve("new"));
        Files.writeString(staged.resolve("new/part-0"), "new");
        Files.writeString(staged.resolve("part-0"), "new");
        Files.createDirectories(out);
        Files.writeString(out.resolve("part-0"), "old");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, committer::commitJob);
        assertInstanceOf(FileAlreadyExistsException.class, e.getCause());
        assertEquals(TreeMap.of("part-0", "old"), contents(out));
        assertEquals(List.empty(), hiddenSiblings());
    }

    @Test
    void aRetriedAttempt_replacesTheFilesOfTheFailedOne() throws IOException {
        Path out = dir.resolve("retried");
        OutputCommitter committer = OutputCommitter.setupJob(out.toString(), SaveMode.ERROR).get();
        String staging = committer.stagingPath();
        sc.runJob(sc.parallelize(List.of(1, 2), 2), (ctx, it) -> {
            Path file = OutputCommitter.taskAttemptFile(staging, ctx, "d/part-" + ctx.partitionId());
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "attempt " + ctx.attemptNumber());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            if (ctx.attemptNumber() == 0) {
                throw new IllegalStateException("first attempt fails after writing");
            }
            OutputCommitter.commitTask(staging, ctx);
            return null;
        });
        committer.commitJob();
        assertEquals(TreeMap.of("_SUCCESS", "", "d/part-0", "attempt 1", "d/part-1", "attempt 1"), contents(out));
    }

    @Test
    void taskAttemptFile_outsideTheOutput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> OutputCommitter.taskAttemptFile("/s", 0, 0, 1, "../x"));
        assertThrows(IllegalArgumentException.class, () -> OutputCommitter.taskAttemptFile("/s", 0, 0, 1, "/abs"));
        assertThrows(IllegalArgumentException.class, () -> OutputCommitter.taskAttemptFile("/s", 0, 0, 1, "a/../../x"));
        assertEquals(Path.of("/s/_temporary/attempt_3_1_7/a/b"), OutputCommitter.taskAttemptFile("/s", 3, 1, 7, "a/b"));
    }
}
