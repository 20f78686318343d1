package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.internal.ApplicationDirectory;
import io.ember.rdd.internal.DirectoryOwner;
import io.vavr.collection.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed ({@code kill -9}, by PID) in the middle of an overwrite leaves its local
 * directory and a hidden staging directory beside the destination (issue 17, defect 8): the
 * next context start deletes the first, the next write to the destination the second, and
 * neither ever deletes what a live process owns. The killed driver is {@link KilledSaveTest}'s
 * program, with {@code java.io.tmpdir} pointed into this test's directory.
 */
@Timeout(90)
class LeftoversTest {
    @TempDir
    static Path dir;
    static Path tmp;
    static Path destination;

    @BeforeAll
    static void killDriverMidOverwrite() throws Exception {
        tmp = Files.createDirectories(dir.resolve("tmp"));
        destination = dir.resolve("out");
        Path markers = Files.createDirectories(dir.resolve("markers"));
        try (EmberContext sc = EmberContext.builder().master("local[1]").appName("previous").getOrCreate()) {
            sc.parallelize(List.range(0, 10), 2).map(x -> "old-" + x).saveAsTextFile(destination.toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-cp", classPath,
                KilledSaveTest.class.getName(), destination.toString(), markers.toString(), "true")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(markers.resolve("started-3")) && child.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the child must still be saving; log:\n" + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void killedDriversLocalDirIsDeletedAtNextStart() throws IOException {
        Path left = theOnly(tmp, "ember-killed-save-");
        Path live = ownedByThisProcess(tmp.resolve("ember-live-app-1"));
        Path unclaimed = Files.createDirectory(tmp.resolve("ember-not-ours"));

        Path created = ApplicationDirectory.create(tmp, "next");

        assertFalse(Files.exists(left), "the killed driver's directory is deleted");
        assertTrue(Files.isDirectory(created));
        assertTrue(Files.isDirectory(live), "a live process's directory is kept");
        assertTrue(Files.isDirectory(unclaimed), "a directory without an owner record is kept");
    }

    @Test
    void killedOverwritesStagingDirIsDeletedByNextWrite() throws IOException {
        theOnly(dir, ".out.ember-staging-");
        Path liveStaging = ownedByThisProcess(dir.resolve(".out.ember-staging-of-a-live-writer"));

        try (EmberContext sc = EmberContext.builder().master("local[1]").appName("next-write").getOrCreate()) {
            sc.parallelize(List.range(0, 4), 2).map(x -> "new-" + x).saveAsTextFile(destination.toString(), true);
            assertEquals(List.range(0, 4).map(x -> "new-" + x), sc.textFile(destination.toString()).collect());
        }

        assertEquals(java.util.List.of(liveStaging), children(dir, ".out.ember-staging-"),
                "the killed writer's staging directory is deleted, the live writer's kept");
        assertFalse(Files.exists(destination.resolve(DirectoryOwner.FILE)), "the owner record is not part of the output");
    }

    /** The one entry of {@code parent} whose name starts with {@code prefix}. */
    private static Path theOnly(Path parent, String prefix) throws IOException {
        java.util.List<Path> found = children(parent, prefix);
        assertEquals(1, found.size(), "expected one " + prefix + "* in " + parent + ", found " + found);
        return found.get(0);
    }

    private static Path ownedByThisProcess(Path dir) throws IOException {
        DirectoryOwner.claim(Files.createDirectory(dir));
        return dir;
    }

    private static java.util.List<Path> children(Path parent, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
