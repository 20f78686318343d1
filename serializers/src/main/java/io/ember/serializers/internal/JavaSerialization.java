package io.ember.serializers.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Plain Java serialization into a byte array of its own, for the few objects Kryo cannot take
 * apart on JDK 17 (exceptions, lambdas defined inside the JDK). A separate array per object
 * means a failure halfway leaves Kryo's output untouched, and classes are resolved through the
 * class loader given for the read, as Kryo resolves its own.
 */
final class JavaSerialization {
    private JavaSerialization() {
    }

    /**
     * Serializes {@code value}.
     *
     * @throws IOException if some object in its graph is not serializable
     */
    static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Reads an object written by {@link #toBytes}, resolving classes through {@code loader}. */
    static Object fromBytes(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                // Primitive types and classes only the JDK's loaders see.
                return super.resolveClass(desc);
            }
        }
    }
}
