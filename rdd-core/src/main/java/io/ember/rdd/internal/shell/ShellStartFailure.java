package io.ember.rdd.internal.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ends {@code bin/ember-shell} when its context (or session) fails to start, instead of leaving
 * a prompt where {@code sc} and {@code spark} are null.
 *
 * <p>The shell's start-up snippets run in JShell's execution JVM, a child of the JShell process
 * (or of the script runner), and nothing a snippet throws makes JShell exit. So the start-up
 * snippet calls {@link #exitShell}: it writes the cause into the file the launcher named in
 * {@value #FAILURE_FILE_PROPERTY}, stops the parent process by its PID and exits; the launcher
 * then prints that file and exits with status 1. The file, not this JVM's standard error, carries
 * the cause because output still in transit through JShell would be lost with the parent.
 */
public final class ShellStartFailure {
    /** The system property naming the file the cause is written to. */
    public static final String FAILURE_FILE_PROPERTY = "ember.shell.failureFile";

    private ShellStartFailure() {
    }

    /**
     * Reports {@code cause} and ends the shell, when run under {@code bin/ember-shell}; elsewhere
     * (no failure file named) rethrows it, so a user's own JShell session sees the exception.
     */
    public static void exitShell(RuntimeException cause) {
        String file = System.getProperty(FAILURE_FILE_PROPERTY);
        if (file == null) {
            throw cause;
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        try {
            Files.writeString(Path.of(file), "ember-shell: Ember failed to start: " + cause + "\n" + trace,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            UncheckedIOException notWritten = new UncheckedIOException("cannot write " + file, e);
            notWritten.addSuppressed(cause);
            throw notWritten;
        }
        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroy);
        System.exit(1);
    }
}
