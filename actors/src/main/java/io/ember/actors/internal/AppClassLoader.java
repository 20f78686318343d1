package io.ember.actors.internal;

import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Design notes
 * ------------
 * One per application on a worker; closed (and dropped) when the application ends. Parent
 * first: the engine (rdd-core, Vavr, Akka...) always comes from the worker's own class path, so
 * the task runner and the application share one copy of every engine class. Then the jars the
 * driver shipped (those the worker lacked), then the driver itself, by class name, over the
 * data path: classes in the driver's class-path directories and classes it made at run time
 * (JShell snippets).
 *
 * JShell keeps a snippet's variables in static fields of its wrapper class (package REPL),
 * which a lambda reads instead of capturing. So for REPL classes the driver also sends those
 * fields' values (each serialized on its own: one that cannot be, such as the context, is just
 * left out), and they are set right after the class is defined: the worker then sees the
 * values they had when the class was first needed.
 *
 * Names the driver does not know are remembered, so Kryo's repeated probes cost one request.
 */
final class AppClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Fetches a class's answer from the driver: class bytes and static values, or null if unknown. */
    @FunctionalInterface
    interface RemoteClasses {
        byte[] fetch(String className) throws IOException;
    }

    private final RemoteClasses remote;
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();

    AppClassLoader(String appId, List<Path> jars, ClassLoader parent, RemoteClasses remote) {
        super("ember-app-" + appId, urls(jars), parent);
        this.remote = remote;
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad jar path " + jars.get(i), e);
            }
        }
        return urls;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException notInJars) {
            if (name.startsWith("java.") || unknown.contains(name)) {
                throw notInJars;
            }
        }
        byte[] answer;
        try {
            answer = remote.fetch(name);
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " (the driver could not be asked: " + e.getMessage() + ")", e);
        }
        if (answer == null) {
            unknown.add(name);
            throw new ClassNotFoundException(name + " (not on the worker, in the shipped jars, or known to the driver)");
        }
        return define(name, answer);
    }

    /** Answer layout (DriverData.classAnswer): int length, class bytes, serialized static values. */
    private Class<?> define(String name, byte[] answer) throws ClassNotFoundException {
        int length;
        try {
            length = new DataInputStream(new ByteArrayInputStream(answer)).readInt();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " (a truncated answer from the driver)", e);
        }
        Class<?> defined = defineClass(name, answer, Integer.BYTES, length);
        int staticsAt = Integer.BYTES + length;
        if (staticsAt < answer.length) {
            setStatics(defined, Arrays.copyOfRange(answer, staticsAt, answer.length));
        }
        return defined;
    }

    private void setStatics(Class<?> type, byte[] serialized) {
        Codec codec = Codecs.kryo();
        Map<String, byte[]> values = codec.deserialize(serialized, getClass().getClassLoader());
        for (Map.Entry<String, byte[]> value : values.entrySet()) {
            try {
                Field field = type.getDeclaredField(value.getKey());
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
                    field.setAccessible(true);
                    field.set(null, codec.deserialize(value.getValue(), this));
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // why: a value that cannot be restored stays at its default, as if never assigned
            }
        }
    }
}
