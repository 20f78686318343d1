package io.ember.rdd.internal.ui.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds records from parsed JSON objects (the inverse of {@link Json} on records), by
 * component name through the canonical constructor. Handles primitives and their boxes,
 * strings, enums, nested records, JDK or Vavr lists of those and JDK or Vavr maps from
 * strings, ints or longs to them; a missing component takes its
 * type's zero value, so logs written before a component was added still read.
 */
public final class RecordReader {
    private RecordReader() {
    }

    /** A {@code type} built from the fields of {@code json}. */
    public static <R extends Record> R read(Class<R> type, Map<?, ?> json) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = convert(json.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot build " + type.getSimpleName() + " from " + json, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object value, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return value == null ? (raw.isPrimitive() ? 0 : null) : ((Number) value).intValue();
        }
        if (raw == long.class || raw == Long.class) {
            return value == null ? (raw.isPrimitive() ? 0L : null) : ((Number) value).longValue();
        }
        if (raw == double.class || raw == Double.class) {
            return value == null ? (raw.isPrimitive() ? 0.0 : null) : ((Number) value).doubleValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return value == null ? (raw.isPrimitive() ? false : null) : value;
        }
        if (value == null) {
            return raw == io.vavr.collection.List.class ? io.vavr.collection.List.empty()
                    : raw == List.class ? List.of() : raw == Map.class ? Map.of()
                    : raw == io.vavr.collection.Map.class ? io.vavr.collection.LinkedHashMap.empty() : null;
        }
        if (raw == String.class) {
            return value.toString();
        }
        if (raw.isEnum()) {
            return Enum.valueOf((Class<Enum>) raw, value.toString());
        }
        if (raw.isRecord()) {
            return read((Class<Record>) raw, (Map<?, ?>) value);
        }
        if (raw == io.vavr.collection.List.class || raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(convert(item, element));
            }
            return raw == List.class ? List.copyOf(items) : io.vavr.collection.List.ofAll(items);
        }
        if (raw == Map.class || raw == io.vavr.collection.Map.class) {
            Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
            Map<Object, Object> map = new java.util.TreeMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> map.put(key(String.valueOf(k), kv[0]), convert(v, kv[1])));
            return raw == Map.class ? map : io.vavr.collection.LinkedHashMap.ofAll(map);
        }
        throw new IllegalArgumentException("Cannot read a " + type.getTypeName() + " from JSON");
    }

    /** A map key (JSON object keys are strings) as {@code type}: a string, an int or a long. */
    private static Object key(String text, Type type) {
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        return text;
    }
}
