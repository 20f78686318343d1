package io.ember.rdd.internal;

import java.util.Optional;

/**
 * Finds where in user code an RDD was created ("filter at WordCount.java:19"), for lineage
 * strings and the UI. The operation is the outermost Ember API frame; the place is the first
 * frame outside Ember and the JDK.
 */
public final class CallSite {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSite() {
    }

    /** The call site of the current Ember API call. */
    public static String capture() {
        return WALKER.walk(frames -> {
            String[] operation = {null};
            Optional<StackWalker.StackFrame> user = frames
                    .peek(f -> {
                        if (isEmberApi(f.getClassName())) {
                            operation[0] = f.getMethodName();
                        }
                    })
                    .filter(f -> !isEmberApi(f.getClassName()) && !isEmberInternal(f.getClassName())
                            && !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk."))
                    .findFirst();
            String op = operation[0] == null ? "<init>" : operation[0];
            return user.map(f -> op + " at " + (f.getFileName() == null ? f.getClassName() : f.getFileName())
                    + ":" + f.getLineNumber()).orElse(op + " at <unknown>");
        });
    }

    private static final java.util.Set<String> API = java.util.Set.of(
            "io.ember.rdd.RDD", "io.ember.rdd.PairRDD", "io.ember.rdd.EmberContext");

    private static boolean isEmberApi(String className) {
        return API.contains(className);
    }

    /** Engine code that is not the API itself: its frames are neither the operation nor the user. */
    private static boolean isEmberInternal(String className) {
        return className.startsWith("io.ember.rdd.internal.") || className.startsWith("io.ember.rdd.io.")
                || className.startsWith("io.ember.rdd.scheduler.") || className.startsWith("io.ember.rdd.shuffle.")
                || className.startsWith("io.ember.rdd.EmberContext$") || className.startsWith("io.vavr.");
    }
}
