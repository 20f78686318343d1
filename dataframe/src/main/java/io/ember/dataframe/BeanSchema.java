package io.ember.dataframe;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of a Java bean (readable properties sorted by name, as Spark does) or record
 * (components in declaration order), the reading of one bean into a {@link Row} and the building
 * of one from a row. Serializable, so that beans are read and built on the executors; the getters,
 * setters and constructors are found again there.
 *
 * <p>A bean is built with its no-argument constructor and the setters of its properties (a
 * read-only property is skipped, as Spark skips it); a record with its canonical constructor.
 *
 * <p>Design notes: a property of another bean's type is a struct column (a {@link Row} outside the
 * engine), a {@code Map<K, V>} a map column (a {@code java.util.Map}), a {@code List<E>} or an
 * array (but {@code byte[]}) an array column, recursively. The schema of every bean class reachable
 * from the top one is derived once into one table shared by all of them; the conversions walk the
 * properties' generic types and look nested beans up there.
 */
final class BeanSchema implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<?> beanClass;
    private final StructType schema;
    /** The schema of every bean class reachable from the top one (this one included), shared by all of them. */
    private final Map<Class<?>, BeanSchema> beans;
    /** Found again after deserialization; one object so that threads racing to find them see both lists. */
    private transient volatile Accessors accessors;

    /** The getters and setters (null for a read-only property or a record) in schema order. */
    private record Accessors(List<Method> getters, List<Method> setters) {
    }

    private BeanSchema(Class<?> beanClass, StructType schema, Map<Class<?>, BeanSchema> beans, Accessors accessors) {
        this.beanClass = beanClass;
        this.schema = schema;
        this.beans = beans;
        this.accessors = accessors;
    }

    /**
     * The schema of {@code beanClass}: a property of a bean type is a struct column, of a
     * {@code Map} type a map column, a {@code List} or array an array column.
     *
     * @throws IllegalArgumentException naming the property whose type has no DataFrame type, or the
     *     property path of a bean that refers to itself
     */
    static BeanSchema of(Class<?> beanClass) {
        java.util.Objects.requireNonNull(beanClass, "beanClass is null");
        rejectCycles(beanClass, beanClass.getName(), new ArrayDeque<>());
        return derive(beanClass, new HashMap<>());
    }

    /** The schema of {@code beanClass}, registered in {@code beans} with those of the beans it holds. */
    private static BeanSchema derive(Class<?> beanClass, Map<Class<?>, BeanSchema> beans) {
        BeanSchema known = beans.get(beanClass);
        if (known != null) {
            return known;
        }
        List<String> names = new ArrayList<>();
        List<Method> getters = new ArrayList<>();
        List<Method> setters = new ArrayList<>();
        properties(beanClass, names, getters, setters);
        StructType schema = new StructType();
        for (int i = 0; i < names.size(); i++) {
            Method getter = getters.get(i);
            schema = schema.add(names.get(i),
                    javaType(getter.getGenericReturnType(), names.get(i), beanClass, beans),
                    !getter.getReturnType().isPrimitive());
        }
        BeanSchema derived = new BeanSchema(beanClass, schema, beans, new Accessors(getters, setters));
        beans.put(beanClass, derived);
        return derived;
    }

    StructType schema() {
        return schema;
    }

    Class<?> beanClass() {
        return beanClass;
    }

    /**
     * Checks that beans can be built from rows: a bean class, and every bean class it holds, needs
     * a no-argument constructor.
     *
     * @throws IllegalArgumentException naming the class if it has none
     */
    BeanSchema requireBuildable() {
        for (Class<?> c : beans.keySet()) {
            if (!c.isRecord()) {
                try {
                    c.getDeclaredConstructor();
                } catch (NoSuchMethodException e) {
                    throw new IllegalArgumentException("Bean class " + c.getName()
                            + " has no no-argument constructor, so its objects cannot be built from rows", e);
                }
            }
        }
        return this;
    }

    private Accessors accessors() {
        Accessors found = accessors;
        if (found == null) {
            List<Method> getters = new ArrayList<>();
            List<Method> setters = new ArrayList<>();
            properties(beanClass, new ArrayList<>(), getters, setters);
            found = new Accessors(getters, setters);
            accessors = found;
        }
        return found;
    }

    /** The values of {@code bean}'s properties, in schema order; nested beans as rows, maps as maps. */
    Row toRow(Object bean) {
        List<Method> getters = accessors().getters();
        Object[] values = new Object[getters.size()];
        for (int i = 0; i < values.length; i++) {
            Method getter = getters.get(i);
            Object value;
            try {
                getter.setAccessible(true);
                value = getter.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Cannot read property " + schema.fields()[i].name() + " of " + bean, e);
            }
            values[i] = toColumnValue(value, getter.getGenericReturnType());
        }
        return Row.of(values);
    }

    /** The value a column holds for {@code v}, a value of the property type {@code type}. */
    private Object toColumnValue(Object v, Type type) {
        if (v == null) {
            return null;
        }
        BeanSchema nested = beans.get(rawClass(type));
        if (nested != null) {
            return nested.toRow(v);
        }
        if (v instanceof List<?> list && type instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(toColumnValue(o, element));
            }
            return out;
        }
        if (v.getClass().isArray() && !(v instanceof byte[])) {
            Type element = rawClass(type).getComponentType();
            List<Object> out = new ArrayList<>(Array.getLength(v));
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(toColumnValue(Array.get(v, i), element));
            }
            return out;
        }
        if (v instanceof Map<?, ?> map && type instanceof ParameterizedType p) {
            Type[] kv = p.getActualTypeArguments();
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(toColumnValue(e.getKey(), kv[0]), toColumnValue(e.getValue(), kv[1]));
            }
            return out;
        }
        return JavaValues.toColumnValue(v);
    }

    /**
     * A bean or record holding the values of {@code row}, whose fields are in schema order.
     *
     * @throws NullPointerException if a null would go into a primitive property
     * @throws IllegalArgumentException naming the property that cannot take its value
     */
    Object fromRow(Row row) {
        return fromRow(row, beanClass.getName());
    }

    private Object fromRow(Row row, String where) {
        List<Method> getters = accessors().getters();
        List<Method> setters = accessors().setters();
        Object[] values = new Object[getters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toJava(row.get(i), getters.get(i).getGenericReturnType(),
                    "field " + schema.fields()[i].name() + " of " + where);
        }
        try {
            if (beanClass.isRecord()) {
                Class<?>[] types = new Class<?>[getters.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = getters.get(i).getReturnType();
                }
                Constructor<?> canonical = beanClass.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            }
            Constructor<?> noArgs = beanClass.getDeclaredConstructor();
            noArgs.setAccessible(true);
            Object bean = noArgs.newInstance();
            for (int i = 0; i < values.length; i++) {
                Method setter = setters.get(i);
                if (setter != null) {
                    setter.setAccessible(true);
                    setter.invoke(bean, values[i]);
                }
            }
            return bean;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Cannot build a " + beanClass.getName() + " from " + row + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot build a " + beanClass.getName() + " from " + row, e);
        }
    }

    /**
     * The column value {@code v} as a value of the property type {@code target}: a struct as a
     * bean, a {@code List<E>}, an array (but {@code byte[]}) or a {@code Map<K, V>} element by
     * element, a scalar as {@link JavaValues#toJava(Object, Class, String)}.
     */
    private Object toJava(Object v, Type target, String where) {
        Class<?> raw = rawClass(target);
        BeanSchema nested = beans.get(raw);
        if (nested != null && v instanceof Row r) {
            return nested.fromRow(r, where);
        }
        if (v instanceof List<?> list && target instanceof ParameterizedType p && raw == List.class) {
            Type element = p.getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(toJava(o, element, "an element of " + where));
            }
            return out;
        }
        if (v instanceof List<?> list && raw.isArray() && raw != byte[].class) {
            Object array = Array.newInstance(raw.getComponentType(), list.size());
            for (int i = 0; i < list.size(); i++) {
                Array.set(array, i, toJava(list.get(i), raw.getComponentType(), "an element of " + where));
            }
            return array;
        }
        if (v instanceof Map<?, ?> map && target instanceof ParameterizedType p) {
            Type[] kv = p.getActualTypeArguments();
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(toJava(e.getKey(), kv[0], "a key of " + where),
                        toJava(e.getValue(), kv[1], "a value of " + where));
            }
            return out;
        }
        return JavaValues.toJava(v, raw, where);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r) {
            return r;
        }
        return Object.class;
    }

    private static void properties(Class<?> beanClass, List<String> names, List<Method> getters) {
        properties(beanClass, names, getters, new ArrayList<>());
    }

    /** The properties in schema order; {@code setters} gets null for a read-only property and for records. */
    private static void properties(Class<?> beanClass, List<String> names, List<Method> getters,
            List<Method> setters) {
        if (beanClass.isRecord()) {
            for (RecordComponent c : beanClass.getRecordComponents()) {
                names.add(c.getName());
                getters.add(c.getAccessor());
                setters.add(null);
            }
            return;
        }
        try {
            BeanInfo info = Introspector.getBeanInfo(beanClass, Object.class);
            PropertyDescriptor[] props = info.getPropertyDescriptors();
            Arrays.sort(props, Comparator.comparing(PropertyDescriptor::getName));
            for (PropertyDescriptor p : props) {
                if (p.getReadMethod() != null) {
                    names.add(p.getName());
                    getters.add(p.getReadMethod());
                    setters.add(p.getWriteMethod());
                }
            }
        } catch (IntrospectionException e) {
            throw new IllegalArgumentException("Cannot inspect bean class " + beanClass.getName(), e);
        }
    }

    /**
     * Rejects a bean whose properties lead back to itself, directly or through lists, arrays, maps
     * and other beans, as Spark does; the message names the property path ({@code Node.children}).
     */
    private static void rejectCycles(Class<?> beanClass, String propertyPath, Deque<Class<?>> path) {
        if (path.contains(beanClass)) {
            StringBuilder cycle = new StringBuilder();
            for (Class<?> c : path) {
                cycle.append(c.getName()).append(" -> ");
            }
            throw new IllegalArgumentException("cannot have circular references in bean class, but got the circular"
                    + " reference of class " + beanClass.getName() + " (" + cycle + beanClass.getName()
                    + ") at property " + propertyPath);
        }
        path.addLast(beanClass);
        List<String> names = new ArrayList<>();
        List<Method> getters = new ArrayList<>();
        properties(beanClass, names, getters);
        for (int i = 0; i < getters.size(); i++) {
            List<Class<?>> held = new ArrayList<>();
            heldBeans(getters.get(i).getGenericReturnType(), held);
            for (Class<?> t : held) {
                rejectCycles(t, propertyPath + "." + names.get(i), path);
            }
        }
        path.removeLast();
    }

    /** Adds to {@code out} the bean classes a value of {@code type} holds: itself, or its elements, keys, values. */
    private static void heldBeans(Type type, List<Class<?>> out) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                heldBeans(argument, out);
            }
            return;
        }
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                heldBeans(c.getComponentType(), out);
            } else if (isBeanLike(c)) {
                out.add(c);
            }
        }
    }

    private static boolean isBeanLike(Class<?> t) {
        return !t.isPrimitive() && !t.isArray() && !t.isEnum() && !t.isInterface() && !t.getName().startsWith("java.");
    }

    /**
     * The column type of a property of Java type {@code type}: scalars by their class, arrays
     * (but {@code byte[]}, which is binary) and {@code List}s as arrays of their element's type,
     * {@code Map}s as maps, beans and records as structs of their properties.
     */
    private static DataType javaType(Type type, String name, Class<?> owner, Map<Class<?>, BeanSchema> beans) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return DataTypes.createArrayType(javaType(p.getActualTypeArguments()[0], name, owner, beans), true);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            Type[] kv = p.getActualTypeArguments();
            return DataTypes.createMapType(javaType(kv[0], name, owner, beans), javaType(kv[1], name, owner, beans),
                    true);
        }
        if (!(type instanceof Class<?> t)) {
            throw new IllegalArgumentException("Property " + name + " of " + owner.getName() + " has type "
                    + type.getTypeName() + ", which has no DataFrame type");
        }
        if (t.isArray() && t != byte[].class) {
            Class<?> element = t.getComponentType();
            return DataTypes.createArrayType(javaType(element, name, owner, beans), !element.isPrimitive());
        }
        if (t == int.class || t == Integer.class || t == short.class || t == Short.class || t == byte.class
                || t == Byte.class) {
            return DataTypes.IntegerType;
        }
        if (t == long.class || t == Long.class) {
            return DataTypes.LongType;
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return DataTypes.DoubleType;
        }
        if (t == boolean.class || t == Boolean.class) {
            return DataTypes.BooleanType;
        }
        if (t == String.class) {
            return DataTypes.StringType;
        }
        if (t == BigDecimal.class) {
            return DataTypes.createDecimalType(38, 18);
        }
        if (t == BigInteger.class) {
            return DataTypes.createDecimalType(38, 0);
        }
        if (t == LocalDate.class || t == java.sql.Date.class) {
            return DataTypes.DateType;
        }
        if (t == Instant.class || t == java.sql.Timestamp.class) {
            return DataTypes.TimestampType;
        }
        if (t == byte[].class) {
            return DataTypes.BinaryType;
        }
        if (t == List.class || t == Map.class) {
            throw new IllegalArgumentException("Property " + name + " of " + owner.getName() + " is a raw "
                    + t.getSimpleName() + ": give its type arguments (List<String>, Map<String, Integer>...)");
        }
        if (isBeanLike(t)) {
            return derive(t, beans).schema();
        }
        throw new IllegalArgumentException("Property " + name + " of " + owner.getName() + " has type " + t.getName()
                + ", which has no DataFrame type");
    }
}
