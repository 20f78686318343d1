package io.ember.rdd.internal.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The script runner's command line, as {@code bin/ember-shell} builds it:
 * {@code --class-path CP [--startup FILE]... [-R<jvm option>]... [--no-echo] [--continue-on-error]
 * [--] SCRIPT...}.
 *
 * @param classPath         the class path of the snippets and of the execution JVM
 * @param startups          files run first, silently; any failure in them ends the run
 * @param remoteOptions     options of the execution JVM (given with JShell's {@code -R} prefix)
 * @param echo              print each snippet's value as an interactive session would
 * @param continueOnError   run the remaining snippets after one fails (the exit status is 1 anyway)
 * @param scripts           the scripts, run in order
 */
record ScriptOptions(String classPath, List<String> startups, List<String> remoteOptions, boolean echo,
        boolean continueOnError, List<String> scripts) {

    static ScriptOptions parse(String... args) {
        String classPath = null;
        List<String> startups = new ArrayList<>();
        List<String> remoteOptions = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        boolean echo = true;
        boolean continueOnError = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--class-path") || arg.equals("--startup")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                if (arg.equals("--class-path")) {
                    classPath = args[++i];
                } else {
                    startups.add(args[++i]);
                }
            } else if (arg.startsWith("-R")) {
                remoteOptions.add(arg.substring(2));
            } else if (arg.equals("--no-echo")) {
                echo = false;
            } else if (arg.equals("--continue-on-error")) {
                continueOnError = true;
            } else if (arg.equals("--")) {
                scripts.addAll(List.of(args).subList(i + 1, args.length));
                break;
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                scripts.add(arg);
            }
        }
        if (classPath == null) {
            throw new IllegalArgumentException("--class-path is required");
        }
        return new ScriptOptions(classPath, List.copyOf(startups), List.copyOf(remoteOptions), echo, continueOnError,
                List.copyOf(scripts));
    }
}
