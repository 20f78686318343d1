package io.ember.testing.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the bin/ launchers as a user would, with this module's test class path (which has
 * DataFrames on it) given through EMBER_CLASSPATH so that it uses these classes and does not build.
 */
final class Launcher {
    /** The repository's root. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** What a launcher printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    private Launcher() {
    }

    static Result run(String launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve(launcher).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        builder.environment().put("EMBER_CLASSPATH", classPath);
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        Process process = builder.start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), launcher + " did not finish");
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
