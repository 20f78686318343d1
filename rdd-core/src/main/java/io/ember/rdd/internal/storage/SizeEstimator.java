package io.ember.rdd.internal.storage;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many heap bytes an object graph takes, to weigh cached blocks and to decide
 * when a sort or an aggregation must spill.
 *
 * <p>Design notes. JDK 17 closes the fields of {@code java.*} classes to reflection, so the
 * estimator knows the common JDK shapes (strings, boxes, arrays, collections and maps, measured
 * through their public API) and walks the fields of every other class (application records,
 * Vavr tuples and collections) reflectively. Large arrays and collections are sampled: the
 * first {@value #SAMPLE} elements stand for all of them. It assumes a 64-bit JVM with
 * compressed references (12-byte headers, 4-byte references, 8-byte alignment). Estimates are
 * meant to be within a small factor, cheap, and never to throw.
 */
public final class SizeEstimator {
    private static final int SAMPLE = 64;
    private static final int MAX_NODES = 4096;
    private static final int HEADER = 12;
    private static final int REF = 4;

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private SizeEstimator() {
    }

    /** The estimated bytes of {@code value} and everything it references (shared objects once). */
    public static long estimate(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Character) {
            // why: a leaf references nothing to walk; aggregations weigh such keys and values by the million
            return visit(value, null);
        }
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> toVisit = new ArrayDeque<>();
        toVisit.push(value);
        long total = 0;
        int nodes = 0;
        while (!toVisit.isEmpty()) {
            Object o = toVisit.pop();
            if (seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            if (++nodes > MAX_NODES) {
                // why: a huge graph; extrapolate from what was measured so far
                return total + (total / nodes) * (toVisit.size() + 1);
            }
            total += visit(o, toVisit);
        }
        return total;
    }

    /** Bytes of {@code o} itself, pushing what it references (or adding sampled estimates for big containers). */
    private static long visit(Object o, ArrayDeque<Object> toVisit) {
        Class<?> type = o.getClass();
        if (o instanceof String s) {
            return align(24) + align(16 + s.length());
        }
        if (o instanceof Long || o instanceof Double) {
            return 24;
        }
        if (o instanceof Number || o instanceof Boolean || o instanceof Character) {
            return 16;
        }
        if (type.isArray()) {
            return arraySize(o, type.getComponentType(), toVisit);
        }
        if (o instanceof Collection<?> c && type.getModule().isNamed()) {
            return align(48) + sampled(c.iterator(), c.size(), 16);
        }
        if (o instanceof Map<?, ?> m && type.getModule().isNamed()) {
            return align(48) + align(16 + REF * (long) m.size()) + sampled(m.entrySet().iterator(), m.size(), 32);
        }
        if (o instanceof io.vavr.collection.Traversable<?> t && !t.isLazy()) {
            return align(16) + sampled(t.iterator(), t.size(), 24);
        }
        Shape shape = SHAPES.get(type);
        for (Field field : shape.references()) {
            try {
                Object child = field.get(o);
                if (child != null) {
                    toVisit.push(child);
                }
            } catch (IllegalAccessException | RuntimeException e) {
                // why: an inaccessible field is counted as a reference only
            }
        }
        return shape.bytes();
    }

    private static long arraySize(Object array, Class<?> component, ArrayDeque<Object> toVisit) {
        int length = java.lang.reflect.Array.getLength(array);
        if (component.isPrimitive()) {
            return align(16 + (long) length * primitiveSize(component));
        }
        Object[] elements = (Object[]) array;
        long shell = align(16 + (long) REF * length);
        if (length <= SAMPLE) {
            for (Object element : elements) {
                if (element != null) {
                    toVisit.push(element);
                }
            }
            return shell;
        }
        return shell + sampled(java.util.Arrays.asList(elements).iterator(), length, 0);
    }

    /** {@code count} elements weighed by the first {@value #SAMPLE}, plus {@code perElement} overhead each. */
    private static long sampled(Iterator<?> elements, int count, int perElement) {
        long measured = 0;
        int n = 0;
        while (n < SAMPLE && elements.hasNext()) {
            Object element = elements.next();
            measured += element instanceof Map.Entry<?, ?> e ? estimate(e.getKey()) + estimate(e.getValue()) : estimate(element);
            n++;
        }
        long perItem = n == 0 ? 0 : measured / n;
        return (long) count * (perItem + perElement);
    }

    private static int primitiveSize(Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        return type == short.class || type == char.class ? 2 : 1;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    /** A class's own size and the reference fields worth following (accessible ones only). */
    private record Shape(long bytes, List<Field> references) {
        static Shape of(Class<?> type) {
            long bytes = HEADER;
            List<Field> references = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    Class<?> fieldType = field.getType();
                    bytes += fieldType.isPrimitive() ? primitiveSize(fieldType) : REF;
                    if (!fieldType.isPrimitive() && !c.getModule().isNamed() && trySetAccessible(field)) {
                        references.add(field);
                    }
                }
            }
            return new Shape(align(bytes), List.copyOf(references));
        }

        private static boolean trySetAccessible(Field field) {
            try {
                return field.trySetAccessible();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
