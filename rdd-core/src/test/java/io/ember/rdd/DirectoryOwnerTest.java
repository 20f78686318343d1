package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.internal.DirectoryOwner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a directory counts as abandoned (issue 17, defect 8): only when its recorded owner is a
 * process of this host that has ended; never for a live owner, another host, or no record.
 */
@Timeout(30)
class DirectoryOwnerTest {
    @TempDir
    Path dir;

    @Test
    void directoryOfThisProcess_isNotAbandoned() {
        DirectoryOwner.claim(dir);
        assertFalse(DirectoryOwner.isAbandoned(dir));
    }

    @Test
    void directoryOfAnEndedProcess_isAbandoned() throws Exception {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(ended.waitFor(20, TimeUnit.SECONDS));
        writeRecord(host(), ended.pid(), "-");
        assertTrue(DirectoryOwner.isAbandoned(dir));
    }

    @Test
    void reusedPid_isNotMistakenForTheOwner() throws IOException {
        writeRecord(host(), ProcessHandle.current().pid(), "2001-01-01T00:00:00Z");
        assertTrue(DirectoryOwner.isAbandoned(dir), "a live process with the PID but another start time is not the owner");
    }

    @Test
    void directoryOfAnotherHostOrWithoutRecord_isNeverAbandoned() throws IOException {
        assertFalse(DirectoryOwner.isAbandoned(dir), "no record");
        writeRecord("some-other-host.example", 1L << 40, "-");
        assertFalse(DirectoryOwner.isAbandoned(dir), "another host's process cannot be checked from here");
        Files.writeString(dir.resolve(DirectoryOwner.FILE), "garbage");
        assertFalse(DirectoryOwner.isAbandoned(dir), "an unreadable record");
    }

    /** This host's name as {@link DirectoryOwner} records it. */
    private String host() throws IOException {
        Path probe = Files.createDirectory(dir.resolve("probe"));
        DirectoryOwner.claim(probe);
        return Files.readAllLines(probe.resolve(DirectoryOwner.FILE)).get(0);
    }

    private void writeRecord(String host, long pid, String start) throws IOException {
        Files.write(dir.resolve(DirectoryOwner.FILE), List.of(host, Long.toString(pid), start));
    }
}
