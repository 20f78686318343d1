package io.ember.rdd.internal;

import java.security.CodeSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where in the user's code an RDD was created or an action was called
 * ({@code filter at WordCount.java:19}), for lineage strings, job descriptions and the UI, as
 * Spark does: the place is the first frame outside Ember, the operation the Ember method that
 * this frame called. A JShell snippet is {@code <console>:line}, the line being that of JShell's
 * wrapper class, as spark-shell's {@code <console>:24} is its REPL wrapper's.
 *
 * <p>Design notes. A frame is Ember's when its class comes from one of Ember's own code sources
 * (jar or classes directory): rdd-core's, and those other modules register (the DataFrame layer
 * does), so that a job started inside a CSV scan or a physical operator is still attributed to the
 * user's line rather than to {@code CsvSource.java}. Telling Ember by code source rather than by
 * package keeps test classes that live in {@code io.ember.*} packages user code. Ember's examples
 * ({@code *.examples} packages) are applications, so they are user code too. Frames of the JDK,
 * Vavr and Scala are neither: they are skipped.
 */
public final class CallSite {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Set<CodeSource> ENGINE = ConcurrentHashMap.newKeySet();
    private static final String JSHELL_SNIPPETS = "REPL.";

    static {
        registerEngine(CallSite.class);
    }

    private CallSite() {
    }

    /** Marks the code source of {@code anchor} (its module's jar or classes directory) as Ember's own. */
    public static void registerEngine(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source != null) {
            ENGINE.add(source);
        }
    }

    /** The call site of the current Ember API call. */
    public static String capture() {
        return WALKER.walk(frames -> {
            String operation = "<init>";
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                Class<?> type = frame.getDeclaringClass();
                if (isEmber(type)) {
                    if (!frame.getMethodName().startsWith("lambda$")) {
                        operation = frame.getMethodName();
                    }
                } else if (!isLibrary(type.getName())) {
                    return operation + " at " + place(frame);
                }
            }
            return operation + " at <unknown>";
        });
    }

    private static String place(StackWalker.StackFrame frame) {
        String className = frame.getClassName();
        if (className.startsWith(JSHELL_SNIPPETS)) {
            return "<console>:" + frame.getLineNumber();
        }
        return (frame.getFileName() == null ? className : frame.getFileName()) + ":" + frame.getLineNumber();
    }

    private static boolean isEmber(Class<?> type) {
        if (!type.getName().startsWith("io.ember.") || type.getPackageName().contains(".examples")) {
            return false;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || ENGINE.contains(source);
    }

    private static boolean isLibrary(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.") || className.startsWith("io.vavr.")
                || className.startsWith("scala.");
    }
}
