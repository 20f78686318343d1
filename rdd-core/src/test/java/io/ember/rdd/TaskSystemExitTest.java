package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that calls {@code System.exit} ends its (here: the driver's) JVM, but not without a
 * word: an ERROR names the task and shows where it called exit (issue 17, defect 8). The driver
 * runs in its own JVM, killed by PID if it outlives the test.
 */
@Timeout(90)
class TaskSystemExitTest {

    /** The child JVM: a job whose partition 1 calls {@code System.exit(3)}. */
    public static void main(String[] args) {
        EmberContext sc = EmberContext.builder().master("local[2]").appName("exiting-task")
                .config("ember.ui.enabled", "false").getOrCreate();
        sc.parallelize(List.range(0, 4), 2).map(x -> {
            if (x == 3) {
                System.exit(3);
            }
            return x;
        }).collect();
        System.out.println("the job was not supposed to finish");
    }

    @Test
    void taskCallingSystemExitIsLoggedNamingTheTask(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Djava.io.tmpdir=" + dir, "-cp", classPath,
                TaskSystemExitTest.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not exit:\n" + Files.readString(log));
            String output = Files.readString(log);
            assertEquals(3, child.exitValue(), output);
            assertFalse(output.contains("not supposed to finish"), output);
            assertTrue(output.contains("ERROR") && output.contains("(stage 0, partition 1, attempt 0)")
                    && output.contains("called System.exit"), output);
            assertTrue(output.contains("TaskSystemExitTest.lambda$main"), "the stack shows the call:\n" + output);
        } finally {
            child.destroyForcibly();
        }
    }
}
