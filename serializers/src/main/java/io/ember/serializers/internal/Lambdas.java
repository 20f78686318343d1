package io.ember.serializers.internal;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Reflection on lambdas without {@code --add-opens}. A serializable lambda's class has a private
 * {@code writeReplace} returning its {@link SerializedLambda}, and the class that wrote the
 * lambda has a private static {@code $deserializeLambda$} that turns one back into a lambda.
 * Both live outside {@code java.lang.invoke}, so reflection may open them whenever the
 * capturing class is not in a closed JDK package; {@code SerializedLambda}'s own
 * {@code readResolve} and fields would need {@code --add-opens java.base/java.lang.invoke}.
 */
final class Lambdas {
    private static final String LAMBDA_MARKER = "$$Lambda";

    /** The accessible {@code writeReplace} of a lambda class, or null. */
    private static final ClassValue<Method> WRITE_REPLACE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return accessibleMethod(type, "writeReplace");
        }
    };

    /** The accessible {@code $deserializeLambda$} of a capturing class, or null. */
    private static final ClassValue<Method> DESERIALIZE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return accessibleMethod(type, "$deserializeLambda$", SerializedLambda.class);
        }
    };

    private Lambdas() {
    }

    /** Whether {@code type} is the class the JDK spun for a lambda or method reference. */
    static boolean isLambda(Class<?> type) {
        return type.isHidden() && type.getName().contains(LAMBDA_MARKER);
    }

    /**
     * The serialized form of a lambda; empty when its class has no {@code writeReplace} (its
     * interface is not {@code Serializable}) or reflection may not call it (a lambda written
     * inside the JDK).
     */
    static Optional<SerializedLambda> serializedForm(Object lambda) {
        Method writeReplace = WRITE_REPLACE.get(lambda.getClass());
        if (writeReplace == null) {
            return Optional.empty();
        }
        try {
            Object replacement = writeReplace.invoke(lambda);
            return replacement instanceof SerializedLambda form ? Optional.of(form) : Optional.empty();
        } catch (IllegalAccessException | InvocationTargetException e) {
            return Optional.empty();
        }
    }

    /**
     * The class that wrote the lambda, found through the lambda's own class loader: the name in
     * {@code SerializedLambda} alone may not be visible from Kryo's loader (JShell snippets,
     * per-application loaders).
     */
    static Class<?> capturingClass(Object lambda, SerializedLambda form) {
        String name = form.getCapturingClass().replace('/', '.');
        Class<?> host = lambda.getClass().getNestHost();
        if (host.getName().equals(name)) {
            return host;
        }
        try {
            return Class.forName(name, false, lambda.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot find the capturing class " + name + " of a lambda", e);
        }
    }

    /** Recreates a lambda through its capturing class's {@code $deserializeLambda$}. */
    static Object deserialize(Class<?> capturingClass, SerializedLambda form) {
        Method deserialize = DESERIALIZE.get(capturingClass);
        if (deserialize == null) {
            throw new IllegalStateException(capturingClass.getName() + " has no accessible $deserializeLambda$");
        }
        try {
            return deserialize.invoke(null, form);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    /** {@code Foo$$Lambda$123/0x0000000800c01234} becomes {@code Foo$$Lambda}. */
    static String displayName(Class<?> lambdaClass) {
        String name = lambdaClass.getName();
        int marker = name.indexOf(LAMBDA_MARKER);
        return marker < 0 ? name : name.substring(0, marker + LAMBDA_MARKER.length());
    }

    /** The name of the class a lambda was written in, from its class name alone. */
    static String hostName(Class<?> lambdaClass) {
        String name = lambdaClass.getName();
        int marker = name.indexOf(LAMBDA_MARKER);
        return marker < 0 ? name : name.substring(0, marker);
    }

    private static Method accessibleMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getDeclaredMethod(name, parameters);
            return method.trySetAccessible() ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
