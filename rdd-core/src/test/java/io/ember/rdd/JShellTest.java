package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambdas typed into JShell are classes JShell defines at run time; tasks carrying them must
 * still deserialize on the executors. This runs the seed example through a real {@code jshell}.
 */
class JShellTest {

    @Test
    @Timeout(120)
    void seedExample_runsInJShell(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("seed.jsh");
        Files.writeString(script, String.join("\n",
                "import io.ember.rdd.*;",
                "import io.vavr.collection.List;",
                "var sc = EmberContext.builder().master(\"local[2]\").appName(\"jshell\").getOrCreate();",
                "System.out.println(sc.parallelize(List.range(1, 10001)).filter(x -> x < 10).collect());",
                "int base = 100;",
                "System.out.println(sc.parallelize(List.of(1, 2, 3), 2).map(x -> x + base).collect());",
                "sc.close();",
                "/exit",
                ""));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
        Process process = new ProcessBuilder(jshell, "--class-path", classPath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                "-R-Xmx512m", script.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "jshell did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("List(1, 2, 3, 4, 5, 6, 7, 8, 9)"), output);
            assertTrue(output.contains("List(101, 102, 103)"), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
