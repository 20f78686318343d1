package io.ember.rdd.internal.ui.json;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Writes values as JSON: maps (JDK and Vavr), iterables, arrays, records (their components by
 * name), enums, Vavr {@code Option} (its value or null), strings, numbers, booleans and null.
 * Enough for the UI's REST API and the event log, without a JSON library.
 */
public final class Json {
    private Json() {
    }

    /** {@code value} as compact JSON, on one line. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1, 0);
        return out.toString();
    }

    /** {@code value} as JSON indented by two spaces, for people reading the REST API. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 2, 0);
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, int indent, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character) {
            quote(value.toString(), out);
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            quote(e.name(), out);
        } else if (value instanceof io.vavr.control.Option<?> option) {
            write(option.getOrNull(), out, indent, depth);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out, indent, depth);
        } else if (value instanceof io.vavr.collection.Map<?, ?> map) {
            writeObject(map.toJavaMap(), out, indent, depth);
        } else if (value instanceof io.vavr.Tuple2<?, ?> pair) {
            writeArray(java.util.List.of(String.valueOf(pair._1), String.valueOf(pair._2)), out, indent, depth);
        } else if (value instanceof Iterable<?> items) {
            writeArray(items, out, indent, depth);
        } else if (value.getClass().isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            writeArray(items, out, indent, depth);
        } else if (value instanceof Record record) {
            writeObject(componentsOf(record), out, indent, depth);
        } else {
            quote(value.toString(), out);
        }
    }

    /** The components of {@code record} by name, in declaration order. */
    public static Map<String, Object> componentsOf(Record record) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
            }
        }
        return fields;
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, int indent, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            newline(out, indent, depth + 1);
            quote(String.valueOf(entry.getKey()), out);
            out.append(indent < 0 ? ":" : ": ");
            write(entry.getValue(), out, indent, depth + 1);
        }
        if (!first) {
            newline(out, indent, depth);
        }
        out.append('}');
    }

    private static void writeArray(Iterable<?> items, StringBuilder out, int indent, int depth) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "" : ",");
            first = false;
            newline(out, indent, depth + 1);
            write(item, out, indent, depth + 1);
        }
        if (!first) {
            newline(out, indent, depth);
        }
        out.append(']');
    }

    private static void newline(StringBuilder out, int indent, int depth) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
