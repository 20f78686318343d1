package io.ember.dataframe;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
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
 */
final class BeanSchema implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<?> beanClass;
    private final StructType schema;
    /** Found again after deserialization; one object so that threads racing to find them see both lists. */
    private transient volatile Accessors accessors;

    /** The getters and setters (null for a read-only property or a record) in schema order. */
    private record Accessors(List<Method> getters, List<Method> setters) {
    }

    private BeanSchema(Class<?> beanClass, StructType schema, Accessors accessors) {
        this.beanClass = beanClass;
        this.schema = schema;
        this.accessors = accessors;
    }

    /**
     * The schema of {@code beanClass}.
     *
     * @throws IllegalArgumentException naming the property whose type has no DataFrame type, or the
     *     cycle if the bean refers to itself
     */
    static BeanSchema of(Class<?> beanClass) {
        java.util.Objects.requireNonNull(beanClass, "beanClass is null");
        rejectCycles(beanClass, new ArrayDeque<>());
        List<String> names = new ArrayList<>();
        List<Method> getters = new ArrayList<>();
        List<Method> setters = new ArrayList<>();
        properties(beanClass, names, getters, setters);
        StructType schema = new StructType();
        for (int i = 0; i < names.size(); i++) {
            Method getter = getters.get(i);
            schema = schema.add(names.get(i), javaType(getter.getGenericReturnType(), names.get(i), beanClass),
                    !getter.getReturnType().isPrimitive());
        }
        return new BeanSchema(beanClass, schema, new Accessors(getters, setters));
    }

    StructType schema() {
        return schema;
    }

    Class<?> beanClass() {
        return beanClass;
    }

    /**
     * Checks that beans can be built from rows: a bean class needs a no-argument constructor.
     *
     * @throws IllegalArgumentException naming the class if it has none
     */
    BeanSchema requireBuildable() {
        if (!beanClass.isRecord()) {
            try {
                beanClass.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("Bean class " + beanClass.getName()
                        + " has no no-argument constructor, so its objects cannot be built from rows", e);
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

    /** The values of {@code bean}'s properties, in schema order. */
    Row toRow(Object bean) {
        List<Method> getters = accessors().getters();
        Object[] values = new Object[getters.size()];
        for (int i = 0; i < values.length; i++) {
            Method getter = getters.get(i);
            try {
                getter.setAccessible(true);
                values[i] = JavaValues.toColumnValue(getter.invoke(bean));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Cannot read property " + schema.fields()[i].name() + " of " + bean, e);
            }
        }
        return Row.of(values);
    }

    /**
     * A bean or record holding the values of {@code row}, whose fields are in schema order.
     *
     * @throws NullPointerException if a null would go into a primitive property
     * @throws IllegalArgumentException naming the property that cannot take its value
     */
    Object fromRow(Row row) {
        List<Method> getters = accessors().getters();
        List<Method> setters = accessors().setters();
        Object[] values = new Object[getters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = JavaValues.toJava(row.get(i), getters.get(i).getGenericReturnType(),
                    "field " + schema.fields()[i].name() + " of " + beanClass.getName());
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

    /** Rejects a bean whose properties lead back to itself, naming the path, as Spark does. */
    private static void rejectCycles(Class<?> beanClass, Deque<Class<?>> path) {
        if (path.contains(beanClass)) {
            StringBuilder cycle = new StringBuilder();
            for (Class<?> c : path) {
                cycle.append(c.getName()).append(" -> ");
            }
            throw new IllegalArgumentException("cannot have circular references in bean class, but got the circular"
                    + " reference of class " + beanClass.getName() + " (" + cycle + beanClass.getName() + ")");
        }
        path.addLast(beanClass);
        List<String> names = new ArrayList<>();
        List<Method> getters = new ArrayList<>();
        properties(beanClass, names, getters);
        for (Method g : getters) {
            Class<?> t = g.getReturnType();
            if (isBeanLike(t)) {
                rejectCycles(t, path);
            }
        }
        path.removeLast();
    }

    private static boolean isBeanLike(Class<?> t) {
        return !t.isPrimitive() && !t.isArray() && !t.isEnum() && !t.getName().startsWith("java.")
                && !Collection.class.isAssignableFrom(t) && !Map.class.isAssignableFrom(t);
    }

    /**
     * The column type of a property of Java type {@code type}: scalars by their class, arrays
     * (but {@code byte[]}, which is binary) and {@code List}s as arrays of their element's type.
     */
    private static DataType javaType(Type type, String name, Class<?> owner) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return DataTypes.createArrayType(javaType(p.getActualTypeArguments()[0], name, owner), true);
        }
        Class<?> t = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r ? r : null;
        if (t == null || type instanceof ParameterizedType && !Map.class.isAssignableFrom(t)) {
            throw new IllegalArgumentException("Property " + name + " of " + owner.getName() + " has type "
                    + type.getTypeName() + ", which has no DataFrame type");
        }
        if (t.isArray() && t != byte[].class) {
            Class<?> element = t.getComponentType();
            return DataTypes.createArrayType(javaType(element, name, owner), !element.isPrimitive());
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
        if (Map.class.isAssignableFrom(t) || isBeanLike(t)) {
            throw new IllegalArgumentException("Property " + name + " of " + owner.getName() + " has type "
                    + t.getName() + ": nested types (maps, beans) need map and struct columns, not supported yet");
        }
        if (t == List.class) {
            throw new IllegalArgumentException("Property " + name + " of " + owner.getName()
                    + " is a raw List: give its element type (List<String>...)");
        }
        throw new IllegalArgumentException("Property " + name + " of " + owner.getName() + " has type " + t.getName()
                + ", which has no DataFrame type");
    }
}
