package io.ember.rdd.internal.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs {@code bin/ember-shell}'s scripts through the JShell API, in the same kind of execution JVM
 * as the interactive shell, so that a notebook can gate CI: the run stops at the first snippet
 * that throws or does not compile and exits with status 1 (with {@code --continue-on-error} it
 * runs the rest and still exits with 1). Each snippet's value is echoed as an interactive session
 * shows it ({@code x ==> 5}, {@code $3 ==> List(1, 2)}) unless {@code --no-echo} is given; a
 * failure names the script and line of its snippet.
 *
 * <p>JShell's tool has no such mode: it reports a snippet's exception and carries on, and its exit
 * status says nothing about the snippets.
 */
public final class ScriptRunner {
    /** JShell's own default start-up (its {@code DEFAULT}), which the interactive shell also loads. */
    private static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
            "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*",
            "java.util.regex.*", "java.util.stream.*");

    private final ScriptOptions options;
    private final PrintStream out;
    private boolean failed;

    private ScriptRunner(ScriptOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the scripts of the command line; exits with 0 when every snippet ran, else 1 (2 on a bad command line). */
    public static void main(String[] args) {
        ScriptOptions options;
        try {
            options = ScriptOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ember-shell script runner: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new ScriptRunner(options, System.out).run());
    }

    private int run() {
        try (JShell shell = JShell.builder().out(out).err(System.err)
                .remoteVMOptions(options.remoteOptions().toArray(String[]::new)).build()) {
            shell.addToClasspath(options.classPath());
            for (String name : DEFAULT_IMPORTS) {
                shell.eval("import " + name + ";");
            }
            for (String startup : options.startups()) {
                if (!runSource(shell, Path.of(startup), false) || failed) {
                    return 1;
                }
            }
            for (String script : options.scripts()) {
                if (!runSource(shell, Path.of(script), options.echo())) {
                    break;
                }
            }
        } catch (IOException e) {
            System.err.println("ember-shell: " + e);
            return 1;
        }
        return failed ? 1 : 0;
    }

    /**
     * Runs one file snippet by snippet, read as JShell reads typed input: line after line, a
     * snippet ends at the first line that completes it. False when the run must stop (a
     * failure, or {@code /exit}).
     */
    private boolean runSource(JShell shell, Path file, boolean echo) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        StringBuilder pending = new StringBuilder();
        int firstLine = 0;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (pending.toString().isBlank()) {
                firstLine = index + 1;
                String command = line.strip();
                if (command.startsWith("/") && !command.startsWith("//") && !command.startsWith("/*")) {
                    if (command.equals("/exit")) {
                        return false;
                    }
                    return fail(file + ":" + firstLine + ": only /exit is understood in a script, not " + command);
                }
            }
            pending.append(line).append('\n');
            while (true) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending.toString());
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    pending.setLength(0);
                    break;
                }
                if (!info.completeness().isComplete()) {
                    break;
                }
                if (!runSnippet(shell, info.source(), file + ":" + firstLine, echo) && !options.continueOnError()) {
                    return false;
                }
                pending.setLength(0);
                pending.append(info.remaining());
                if (pending.toString().isBlank()) {
                    pending.setLength(0);
                    break;
                }
            }
        }
        if (!pending.toString().isBlank()) {
            return fail(file + ":" + firstLine + ": the script ends inside an unfinished snippet:\n"
                    + pending.toString().strip());
        }
        return true;
    }

    /** Evaluates one snippet and reports it; false if it failed. */
    private boolean runSnippet(JShell shell, String snippet, String where, boolean echo) {
        boolean ok = true;
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.exception() != null) {
                out.flush();
                System.err.println("|  " + where + ": " + describe(event.exception()));
                printTrace(event.exception());
                ok = false;
            } else if (event.status() == Snippet.Status.REJECTED) {
                System.err.println("|  Error at " + where + ":");
                shell.diagnostics(event.snippet()).forEach(diag -> printDiagnostic(diag, event.snippet()));
                ok = false;
            } else if (echo) {
                echo(shell, event);
            }
        }
        if (!ok) {
            failed = true;
        }
        return ok;
    }

    private void echo(JShell shell, SnippetEvent event) {
        Snippet snippet = event.snippet();
        switch (snippet.kind()) {
            case VAR, EXPRESSION -> {
                if (event.value() != null) {
                    String name = snippet instanceof jdk.jshell.VarSnippet variable ? variable.name()
                            : ((jdk.jshell.ExpressionSnippet) snippet).name();
                    out.println(name + " ==> " + event.value());
                }
            }
            case METHOD -> out.println("|  created method " + ((jdk.jshell.MethodSnippet) snippet).name()
                    + "(" + ((jdk.jshell.MethodSnippet) snippet).parameterTypes() + ")");
            case TYPE_DECL -> out.println("|  created " + ((jdk.jshell.TypeDeclSnippet) snippet).subKind()
                    .name().replace("_SUBKIND", "").toLowerCase(java.util.Locale.ROOT)
                    + " " + ((jdk.jshell.TypeDeclSnippet) snippet).name());
            default -> {
                // imports and statements print nothing in an interactive session either
            }
        }
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            out.println("|  " + snippet.source().strip() + " refers to something not yet defined: "
                    + shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).toList());
        }
    }

    private static String describe(JShellException exception) {
        if (exception instanceof EvalException eval) {
            String message = eval.getMessage();
            return "Exception " + eval.getExceptionClassName() + (message == null ? "" : ": " + message);
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            return "attempted to use " + unresolved.getSnippet().source().strip() + ", which is not yet defined";
        }
        return exception.toString();
    }

    private static void printTrace(JShellException exception) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            System.err.println("|        at " + frame);
        }
        Throwable cause = exception.getCause();
        while (cause != null) {
            String message = cause instanceof EvalException eval
                    ? eval.getExceptionClassName() + (eval.getMessage() == null ? "" : ": " + eval.getMessage())
                    : cause.toString();
            System.err.println("|  Caused by: " + message);
            for (StackTraceElement frame : cause.getStackTrace()) {
                System.err.println("|        at " + frame);
            }
            cause = cause.getCause();
        }
    }

    private static void printDiagnostic(Diag diag, Snippet snippet) {
        System.err.println("|  " + diag.getMessage(null).replace("\n", "\n|  "));
        String source = snippet.source();
        int start = (int) Math.max(0, Math.min(diag.getStartPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        int lineEnd = source.indexOf('\n', start);
        System.err.println("|  " + source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd));
    }

    private boolean fail(String message) {
        System.err.println("|  " + message);
        failed = true;
        return false;
    }
}
