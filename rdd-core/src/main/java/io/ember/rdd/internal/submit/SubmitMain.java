package io.ember.rdd.internal.submit;

import io.ember.rdd.EmberContext;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Runs an application for {@code bin/ember-submit}, as Spark's {@code SparkSubmit} does in
 * client mode: {@code SubmitMain --settings FILE [--class NAME] [--jar JAR] -- ARGS...}.
 *
 * <p>The launcher puts the application's jar and {@code --jars} on this JVM's class path (so the
 * driver ships them to cluster workers like any jar of its class path) and writes {@code --master}
 * and {@code --conf} into FILE as {@code key=value} lines. They are read here, the file is deleted,
 * and they become {@code ember.*} system properties, the defaults of every
 * {@link EmberContext#builder()}: they never appear on a command line, where {@code ps} would show
 * a cluster secret. They are checked before the application starts. The main class is
 * {@code --class}, else the jar's {@code Main-Class}. When {@code main} returns the JVM exits
 * (status 0) even if the application left threads running; if it throws, the exception is
 * printed and the status is 1.
 */
public final class SubmitMain {
    private SubmitMain() {
    }

    /** Runs the application; exits 2 on a bad setting or an unknown class. */
    public static void main(String[] args) throws IOException {
        Path settings = null;
        String className = null;
        String jar = null;
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i += 2) {
            if (i + 1 >= args.length) {
                usageError(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--settings" -> settings = Path.of(args[i + 1]);
                case "--class" -> className = args[i + 1];
                case "--jar" -> jar = args[i + 1];
                default -> usageError("unknown option " + args[i]);
            }
        }
        String[] appArgs = i < args.length ? Arrays.copyOfRange(args, i + 1, args.length) : new String[0];
        if (settings != null) {
            applySettings(settings);
        }
        try {
            EmberContext.builder();
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
        }
        if (className == null) {
            className = jar == null ? null : mainClassOf(jar);
            if (className == null) {
                usageError("no --class given" + (jar == null ? "" : " and " + jar + " names no Main-Class in its manifest"));
            }
        }
        Method main = mainMethod(className, jar);
        try {
            main.invoke(null, (Object) appArgs);
        } catch (InvocationTargetException e) {
            System.err.println("ember-submit: " + className + ".main failed:");
            e.getCause().printStackTrace();
            System.exit(1);
        } catch (IllegalAccessException e) {
            usageError(className + ".main is not accessible: " + e.getMessage());
        }
        System.exit(0);
    }

    private static void applySettings(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.delete(file);
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                usageError("a setting must be key=value, got '" + line + "'");
            }
            System.setProperty(line.substring(0, eq), line.substring(eq + 1));
        }
    }

    private static String mainClassOf(String jar) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            return file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Main-Class");
        }
    }

    private static Method mainMethod(String className, String jar) {
        try {
            Method main = Class.forName(className, true, ClassLoader.getSystemClassLoader())
                    .getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                usageError(className + ".main is not static");
            }
            return main;
        } catch (ClassNotFoundException e) {
            usageError("class " + className + " is not in " + (jar == null ? "" : jar + " nor in ")
                    + "Ember's class path or --jars");
        } catch (NoSuchMethodException e) {
            usageError(className + " has no main(String[]) method");
        }
        throw new AssertionError("unreachable: usageError exits");
    }

    private static void usageError(String message) {
        System.err.println("ember-submit: " + message);
        System.exit(2);
    }
}
