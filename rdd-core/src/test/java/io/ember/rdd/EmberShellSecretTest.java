package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ember-shell --conf ember.cluster.secret=...} hands the secret to JShell's child JVM
 * without putting it on a command line (issue 17, defect 2): the script run in the shell prints
 * its own JVM's and its parent's command lines, and the mode of the settings file. The shell
 * runs with this test's class path (EMBER_CLASSPATH), so it builds nothing.
 */
class EmberShellSecretTest {
    private static final String SECRET = "shell-secret-value-0123456789";

    @Test
    @Timeout(120)
    void secretIsNotOnShellChildCommandLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("show.jsh");
        Files.writeString(script, String.join("\n",
                "System.out.println(\"SECRET RECEIVED \" + sc.conf().get(\"ember.cluster.secret\").contains(\""
                        + SECRET + "\"));",
                "System.out.println(\"MASTER \" + sc.master());",
                // /proc holds the whole command line; ProcessHandle.Info cuts a long one short
                "String commandLine(long pid) throws Exception { return new String(java.nio.file.Files.readAllBytes("
                        + "java.nio.file.Path.of(\"/proc/\" + pid + \"/cmdline\"))).replace('\\0', ' '); }",
                "System.out.println(\"CHILD \" + commandLine(ProcessHandle.current().pid()));",
                "System.out.println(\"PARENT \" + commandLine(ProcessHandle.current().parent().orElseThrow().pid()));",
                "System.out.println(\"MODE \" + java.nio.file.attribute.PosixFilePermissions.toString("
                        + "java.nio.file.Files.getPosixFilePermissions(java.nio.file.Path.of("
                        + "System.getProperty(\"ember.shell.settings\")))));",
                ""));
        Path shell = Path.of(System.getProperty("user.dir")).getParent().resolve("bin").resolve("ember-shell");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(shell.toString(), "--master", "local[1]",
                "--conf", "ember.cluster.secret=" + SECRET, "--conf", "ember.ui.enabled=false", script.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("shell.log").toFile());
        builder.environment().put("EMBER_CLASSPATH", classPath.replace(File.pathSeparator + File.pathSeparator,
                File.pathSeparator));
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        builder.environment().put("TMPDIR", dir.toString());
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(100, TimeUnit.SECONDS);
            String output = Files.readString(dir.resolve("shell.log"), StandardCharsets.UTF_8);
            assertTrue(ended, "ember-shell did not finish:\n" + output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("SECRET RECEIVED true"), output);
            assertTrue(output.contains("MASTER local[1]"), output);
            for (String line : List.of("CHILD ", "PARENT ")) {
                String commandLine = output.lines().filter(l -> l.startsWith(line)).findFirst().orElseThrow();
                assertTrue(commandLine.contains("ember.shell.settings"), commandLine);
                assertFalse(commandLine.contains(SECRET), commandLine);
            }
            assertTrue(output.contains("MODE rw-------"), output);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
