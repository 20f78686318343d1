package io.ember.rdd.internal;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resolves application classes for deserialization on executors: first through the engine's
 * own loader, then through every loader that defined a closure the application passed in. This
 * is how lambdas written in JShell snippets (defined by JShell's own class loader) are found
 * when a task is deserialized on an executor thread.
 */
public final class UserClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final CopyOnWriteArrayList<ClassLoader> known = new CopyOnWriteArrayList<>();

    /** Creates a loader whose parent is {@code parent}. */
    public UserClassLoader(ClassLoader parent) {
        super("ember-user", parent);
    }

    /** Remembers {@code loader} (ignored if null, already known, or an ancestor of the parent). */
    public void register(ClassLoader loader) {
        if (loader == null || loader == this || isAncestorOfParent(loader)) {
            return;
        }
        known.addIfAbsent(loader);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : known) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                // try the next loader
            }
        }
        throw new ClassNotFoundException(name + " (searched the application class path and " + known.size()
                + " closure class loader(s))");
    }

    private boolean isAncestorOfParent(ClassLoader loader) {
        for (ClassLoader l = getParent(); l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return false;
    }
}
