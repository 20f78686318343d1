package io.ember.serializers.internal;

import io.ember.serializers.ClosureNotSerializableException;
import io.ember.serializers.LocalOnly;
import io.ember.serializers.SerializationException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Explains why a closure cannot be serialized; internal, used by
 * {@code io.ember.serializers.Closures}.
 *
 * <p>Design notes: Kryo reports the innermost failure with a trace of field names but not the
 * objects, and nothing about which captured variable started the chain. This walks the closure
 * the way a person would: list what it captured (a lambda's captured arguments through its
 * {@code SerializedLambda}, an inner class's {@code this$0} and {@code val$} fields), serialize
 * each on its own to find the one at fault, then keep descending into that object's fields,
 * array or collection elements, to the deepest value that still fails. An object whose fields
 * reflection may not open (JDK internals), or that refuses serialization on its own
 * ({@link LocalOnly}), is the end of the path. It runs only after a failure, so it may
 * serialize the same objects many times.
 */
public final class ClosureInspector {
    private static final int MAX_DEPTH = 32;
    private static final int MAX_ELEMENTS = 10_000;
    private static final int MAX_KEY_TEXT = 40;

    private final KryoCodec codec;

    private ClosureInspector(KryoCodec codec) {
        this.codec = codec;
    }

    /** Something the closure or an object on the path holds: how to name it, and its value. */
    private record Edge(String name, String description, Object value) {
    }

    /**
     * Builds the exception for a closure whose serialization failed with {@code failure}.
     *
     * @param codec the codec the closure failed with, used to test the parts on their own
     * @param closure the closure that failed
     * @param failure the original failure, kept as the cause
     */
    public static ClosureNotSerializableException explain(
            KryoCodec codec, Object closure, SerializationException failure) {
        return new ClosureNotSerializableException(new ClosureInspector(codec).message(closure, failure), failure);
    }

    private String message(Object closure, SerializationException failure) {
        Class<?> type = closure.getClass();
        String header = "Task not serializable: the closure " + describeClosure(closure);
        if (Lambdas.isLambda(type) && !(closure instanceof Serializable)) {
            return header + " cannot be serialized: " + LambdaSerializer.notSerializableReason(type);
        }
        for (Edge captured : edges(closure, true)) {
            Optional<SerializationException> capturedFailure = failureOf(captured.value());
            if (capturedFailure.isPresent()) {
                return header + " captures " + captured.description()
                        + describePath(captured.value(), capturedFailure.get());
            }
        }
        return header + " cannot be serialized: " + Failures.shortReason(cause(failure));
    }

    /** Follows the failing values down from {@code start}; returns the rest of the sentence. */
    private String describePath(Object start, SerializationException startFailure) {
        List<String> path = new ArrayList<>();
        Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Object current = start;
        SerializationException currentFailure = startFailure;
        while (path.size() < MAX_DEPTH && visited.add(current)) {
            Edge next = null;
            for (Edge edge : edges(current, false)) {
                Optional<SerializationException> edgeFailure = failureOf(edge.value());
                if (edgeFailure.isPresent()) {
                    next = edge;
                    currentFailure = edgeFailure.get();
                    break;
                }
            }
            if (next == null) {
                break;
            }
            path.add(next.name());
            current = next.value();
        }
        String reason = Failures.shortReason(cause(currentFailure));
        if (path.isEmpty()) {
            return ", which cannot be serialized: " + reason;
        }
        String joined = String.join(".", path).replace(".[", "[");
        String kind = joined.startsWith("[") ? "element" : "field";
        return "; its " + kind + " '" + joined + "' of type " + current.getClass().getName()
                + " cannot be serialized: " + reason;
    }

    /**
     * What {@code holder} refers to. For the closure itself ({@code root}) the descriptions say
     * what was captured; deeper down only the names matter.
     */
    private List<Edge> edges(Object holder, boolean root) {
        Class<?> type = holder.getClass();
        if (holder instanceof LocalOnly) {
            return List.of();
        }
        if (Lambdas.isLambda(type)) {
            return capturedArguments(holder);
        }
        if (type.isArray()) {
            return type.getComponentType().isPrimitive() ? List.of() : arrayElements((Object[]) holder);
        }
        if (holder instanceof Map<?, ?> map && type.getModule().isNamed()) {
            return mapEntries(map);
        }
        if (holder instanceof Iterable<?> iterable && isLibraryClass(type)) {
            return iterableElements(iterable);
        }
        return fields(holder, root);
    }

    private List<Edge> capturedArguments(Object lambda) {
        Optional<SerializedLambda> form = Lambdas.serializedForm(lambda);
        if (form.isEmpty()) {
            return List.of();
        }
        SerializedLambda serialized = form.get();
        String capturing = serialized.getCapturingClass().replace('/', '.');
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < serialized.getCapturedArgCount(); i++) {
            Object argument = serialized.getCapturedArg(i);
            if (argument == null) {
                continue;
            }
            String className = argument.getClass().getName();
            if (className.equals(capturing)) {
                edges.add(new Edge("this", "the enclosing instance (this) of class " + className, argument));
            } else {
                String description = "an object of class " + className + " (captured argument " + i + ")";
                edges.add(new Edge("capturedArg" + i, description, argument));
            }
        }
        return edges;
    }

    private List<Edge> fields(Object holder, boolean root) {
        List<Edge> edges = new ArrayList<>();
        for (Class<?> type = holder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                if (!field.trySetAccessible()) {
                    // JDK internals: the object as a whole is what cannot be serialized.
                    return List.of();
                }
                Object value;
                try {
                    value = field.get(holder);
                } catch (IllegalAccessException e) {
                    return List.of();
                }
                if (value != null) {
                    edges.add(fieldEdge(field.getName(), value, root));
                }
            }
        }
        return edges;
    }

    /** Names javac's synthetic fields the way the source code spelled them. */
    private static Edge fieldEdge(String fieldName, Object value, boolean root) {
        String className = value.getClass().getName();
        if (fieldName.startsWith("this$")) {
            return new Edge("this", "the enclosing instance (this) of class " + className, value);
        }
        if (fieldName.startsWith("val$")) {
            String variable = fieldName.substring("val$".length());
            return new Edge(variable, "the variable '" + variable + "' holding an object of class " + className, value);
        }
        String description = root
                ? "an object of class " + className + " (field '" + fieldName + "')"
                : "field '" + fieldName + "'";
        return new Edge(fieldName, description, value);
    }

    private static List<Edge> arrayElements(Object[] array) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(array.length, MAX_ELEMENTS); i++) {
            if (array[i] != null) {
                edges.add(elementEdge(i, array[i]));
            }
        }
        return edges;
    }

    private static List<Edge> iterableElements(Iterable<?> iterable) {
        List<Edge> edges = new ArrayList<>();
        int index = 0;
        for (Object element : iterable) {
            if (index >= MAX_ELEMENTS) {
                break;
            }
            if (element != null) {
                edges.add(elementEdge(index, element));
            }
            index++;
        }
        return edges;
    }

    private static List<Edge> mapEntries(Map<?, ?> map) {
        List<Edge> edges = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (edges.size() >= MAX_ELEMENTS) {
                break;
            }
            String key = abbreviate(String.valueOf(entry.getKey()));
            if (entry.getKey() != null) {
                edges.add(new Edge("[key " + key + "]", "a map key of class " + entry.getKey().getClass().getName(),
                        entry.getKey()));
            }
            if (entry.getValue() != null) {
                edges.add(new Edge("[" + key + "]", "a map value of class " + entry.getValue().getClass().getName(),
                        entry.getValue()));
            }
        }
        return edges;
    }

    private static Edge elementEdge(int index, Object element) {
        return new Edge("[" + index + "]", "an element of class " + element.getClass().getName(), element);
    }

    /** JDK and Vavr collections are walked by their elements, not their internal fields. */
    private static boolean isLibraryClass(Class<?> type) {
        return type.getModule().isNamed() || type.getName().startsWith("io.vavr.");
    }

    private Optional<SerializationException> failureOf(Object value) {
        try {
            codec.checkSerializable(value);
            return Optional.empty();
        } catch (SerializationException e) {
            return Optional.of(e);
        }
    }

    private static String describeClosure(Object closure) {
        Class<?> type = closure.getClass();
        if (Lambdas.isLambda(type)) {
            return Lambdas.serializedForm(closure)
                    .map(form -> Lambdas.displayName(type) + " (" + form.getImplMethodName() + " in "
                            + form.getImplClass().replace('/', '.') + ")")
                    .orElseGet(() -> Lambdas.displayName(type) + " (a lambda in " + Lambdas.hostName(type) + ")");
        }
        if (type.isAnonymousClass()) {
            return type.getName() + " (an anonymous class)";
        }
        if (type.isLocalClass() || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return type.getName() + " (an inner class)";
        }
        return type.getName();
    }

    /** The codec wraps Kryo's failure; the interesting part is underneath. */
    private static Throwable cause(SerializationException failure) {
        return failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_KEY_TEXT ? text : text.substring(0, MAX_KEY_TEXT) + "...";
    }
}
