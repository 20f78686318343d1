package io.ember.actors.internal;

import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * Design notes
 * ------------
 * What a driver's data server serves, to authenticated workers only: task payloads too large
 * for an Akka message (put here by ClusterDriver for the life of the task), the application's
 * jars (by digest; nothing else on the disk is reachable), and class bytes by name through the
 * application's class loader, with the static values of JShell wrapper classes (see
 * AppClassLoader). Requests for another application get MISSING.
 */
final class DriverData implements DataServer.Handler {
    private final String appId;
    private final Map<String, ClassPathJars.Jar> jars = new HashMap<>();
    private final Map<Long, byte[]> taskPayloads;
    private final ClassLoader userClassLoader;

    DriverData(String appId, List<ClassPathJars.Jar> jars, Map<Long, byte[]> taskPayloads, ClassLoader userClassLoader) {
        this.appId = appId;
        jars.forEach(jar -> this.jars.put(jar.sha256(), jar));
        this.taskPayloads = taskPayloads;
        this.userClassLoader = userClassLoader;
    }

    @Override
    public DataServer.Response handle(DataServer.Request request) throws IOException {
        if (!appId.equals(request.appId())) {
            return DataServer.Response.missing("this driver runs application " + appId + ", not " + request.appId());
        }
        String key = new String(request.key(), StandardCharsets.UTF_8);
        switch (request.op()) {
            case DataServer.OP_TASK -> {
                byte[] payload = taskPayloads.get(Long.parseLong(key));
                return payload == null ? DataServer.Response.missing("no running task " + key) : DataServer.Response.of(payload);
            }
            case DataServer.OP_JAR -> {
                ClassPathJars.Jar jar = jars.get(key);
                if (jar == null) {
                    return DataServer.Response.missing("no shipped jar " + key);
                }
                return new DataServer.Response(DataServer.OK, jar.size(), Files.newInputStream(jar.path()), null);
            }
            case DataServer.OP_CLASS -> {
                byte[] answer = classAnswer(key);
                return answer == null ? DataServer.Response.missing("unknown class " + key) : DataServer.Response.of(answer);
            }
            default -> {
                return DataServer.Response.missing("a driver does not serve operation " + request.op());
            }
        }
    }

    /** int length, the class file, then (REPL classes only) their static values; null if unknown. */
    byte[] classAnswer(String name) throws IOException {
        if (name.startsWith("java.")) {
            return null;
        }
        Class<?> type;
        try {
            type = Class.forName(name, false, userClassLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(answer);
        out.writeInt(bytes.length);
        out.write(bytes);
        if (name.startsWith("REPL.")) {
            out.write(Codecs.kryo().serialize(staticValues(type)));
        }
        out.flush();
        return answer.toByteArray();
    }

    private static HashMap<String, byte[]> staticValues(Class<?> type) {
        Codec codec = Codecs.kryo();
        HashMap<String, byte[]> values = new HashMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || field.isSynthetic()) {
                continue;
            }
            try {
                field.setAccessible(true);
                values.put(field.getName(), codec.serialize(field.get(null)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // why: a value that cannot travel (the context, a connection) is left out, not fatal
            }
        }
        return values;
    }
}
