package io.ember.testing.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter project (examples/starter) builds as a user's project would: against Ember's
 * artifacts as {@code ./mvnw install} puts them in a local repository, with versions from
 * ember-bom, and its own tests (a word count and a DataFrame job checked against hand-worked
 * values) pass. Everything happens on a copy of the source tree, installing into a fresh local
 * repository of its own that reads everything else from ~/.m2 without writing to it (Maven's
 * {@code maven.repo.local.tail}), offline.
 */
@Timeout(480)
class StarterProjectTest {

    @Test
    void starterProject_buildsAndPassesItsTests_againstFreshlyInstalledArtifacts(@TempDir Path dir) throws Exception {
        Path tree = SourceTree.copy(Launcher.ROOT, dir.resolve("ember"));
        List<String> repositories = List.of("-Dmaven.repo.local=" + dir.resolve("repository"),
                "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository"));

        List<String> install = new ArrayList<>(List.of(tree.resolve("mvnw").toString(), "-B", "-o", "-ntp"));
        install.addAll(repositories);
        install.addAll(List.of("-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true",
                "-pl", "!benchmarks", "install"));
        String installed = run(tree, install, 300);
        Path ember = dir.resolve("repository/io/ember");
        assertTrue(Files.isRegularFile(ember.resolve("ember-bom/0.1.0-SNAPSHOT/ember-bom-0.1.0-SNAPSHOT.pom")), installed);
        assertTrue(Files.isRegularFile(ember.resolve("ember-dataframe/0.1.0-SNAPSHOT/ember-dataframe-0.1.0-SNAPSHOT.jar")),
                installed);

        List<String> build = new ArrayList<>(List.of(tree.resolve("mvnw").toString(), "-B", "-o", "-ntp"));
        build.addAll(repositories);
        build.add("package");
        Path starter = tree.resolve("examples/starter");
        String built = run(starter, build, 150);
        assertTrue(built.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), built);
        assertTrue(Files.isRegularFile(starter.resolve("target/ember-starter-1.0.jar")), built);
    }

    /** Runs {@code command} in {@code dir}; returns its output, failing unless it exits with 0. */
    private static String run(Path dir, List<String> command, long timeoutSeconds) throws Exception {
        Path log = Files.createTempFile(dir.getParent(), "build", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        Process process = builder.start();
        try {
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + output);
            assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
            return output;
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
