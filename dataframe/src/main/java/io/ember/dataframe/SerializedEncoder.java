package io.ember.dataframe;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.ember.serializers.Codecs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Opaque objects as one binary column {@code value}: serialized with Kryo (Ember's codec) or with
 * Java serialization, as Spark's {@code Encoders.kryo} and {@code Encoders.javaSerialization} do.
 * Columns of such a Dataset can only be compared and shuffled as bytes.
 */
record SerializedEncoder<T>(Class<T> clsTag, boolean kryo) implements AgnosticEncoder<T> {

    @Override
    public StructType schema() {
        return new StructType().add("value", DataTypes.BinaryType, true);
    }

    @Override
    public Row toRow(T value) {
        if (value == null) {
            return Row.of((Object) null);
        }
        return Row.of((Object) (kryo ? Codecs.kryo().serialize(value) : javaSerialize(value)));
    }

    @Override
    public T fromRow(Row row) {
        byte[] bytes = (byte[]) row.get(0);
        if (bytes == null) {
            return null;
        }
        return clsTag.cast(kryo ? Codecs.kryo().deserialize(bytes, loader()) : javaDeserialize(bytes));
    }

    private ClassLoader loader() {
        ClassLoader own = clsTag.getClassLoader();
        return own != null ? own : Thread.currentThread().getContextClassLoader();
    }

    private static byte[] javaSerialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize " + value.getClass().getName()
                    + " with Java serialization (is it Serializable?)", e);
        }
        return bytes.toByteArray();
    }

    private Object javaDeserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("Cannot deserialize a " + clsTag.getName(), e);
        }
    }

    @Override
    public boolean isStruct() {
        return false;
    }

    @Override
    public String toString() {
        return "Encoder[" + clsTag.getName() + " as " + (kryo ? "kryo" : "java serialization") + " bytes]";
    }
}
