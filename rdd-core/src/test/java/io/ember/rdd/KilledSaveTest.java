package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL, by PID) a JVM in the middle of {@code saveAsTextFile}, after some tasks have
 * committed their files and while others are writing, and checks what the destination holds:
 * nothing, or the previous complete output.
 */
@Timeout(90)
class KilledSaveTest {
    @TempDir
    Path dir;

    /** The child JVM: saves slowly, touching {@code <markers>/started-P} when partition P starts. */
    public static void main(String[] args) throws IOException {
        String destination = args[0];
        String markers = args[1];
        boolean overwrite = Boolean.parseBoolean(args[2]);
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("killed-save").getOrCreate()) {
            sc.parallelize(List.range(0, 160), 8).mapPartitionsWithIndex((index, it) -> {
                touch(Path.of(markers, "started-" + index));
                return it.map(x -> {
                    sleep(40);
                    return "new-" + x;
                });
            }).saveAsTextFile(destination, overwrite);
        }
        touch(Path.of(markers, "finished"));
    }

    private static void touch(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process startChild(Path destination, Path markers, boolean overwrite) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx256m", "-cp", classPath, KilledSaveTest.class.getName(),
                destination.toString(), markers.toString(), Boolean.toString(overwrite))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private void killMidway(Path destination, boolean overwrite) throws Exception {
        Path markers = Files.createDirectories(dir.resolve("markers-" + overwrite));
        Process child = startChild(destination, markers, overwrite);
        long deadline = System.currentTimeMillis() + 60_000;
        // partitions 0-3 ran (two of them committed), 4 and 5 are writing: the middle of the job
        while (!Files.exists(markers.resolve("started-5")) && child.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child must still be saving; log:\n" + Files.readString(dir.resolve("child.log")));
        ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        assertFalse(Files.exists(markers.resolve("finished")));
    }

    @Test
    void killedFirstSave_leavesNoDestination() throws Exception {
        Path destination = dir.resolve("out");
        killMidway(destination, false);
        assertFalse(Files.exists(destination), "no partial output in the destination");
    }

    @Test
    void killedOverwrite_leavesThePreviousCompleteOutput() throws Exception {
        Path destination = dir.resolve("out");
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("previous").getOrCreate()) {
            sc.parallelize(List.range(0, 30), 3).map(x -> "old-" + x).saveAsTextFile(destination.toString());
        }
        List<String> before = listing(destination);

        killMidway(destination, true);

        assertEquals(before, listing(destination));
        assertTrue(Files.exists(destination.resolve("_SUCCESS")));
        try (EmberContext sc = EmberContext.builder().master("local[1]").appName("check").getOrCreate()) {
            assertEquals(List.range(0, 30).map(x -> "old-" + x), sc.textFile(destination.toString()).collect());
        }
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return List.ofAll(files.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList());
        }
    }
}
