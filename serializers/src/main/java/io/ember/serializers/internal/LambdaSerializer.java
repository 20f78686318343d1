package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import io.ember.serializers.SerializationException;
import java.io.IOException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.util.Arrays;
import java.util.Optional;

/**
 * Serializes lambdas; registered for {@link ClosureSerializer.Closure}, the marker class Kryo
 * maps every lambda class to.
 *
 * <p>It plays the part of Kryo's {@code ClosureSerializer}, which on JDK 17 without
 * {@code --add-opens} logs two warnings with stack traces for every Kryo it is registered in,
 * and resolves the capturing class with {@code Class.forName} from Kryo's own loader, so
 * lambdas written in JShell or any other class loader cannot be serialized at all. This one
 * takes the capturing class from the lambda's own class and loader, writes the captured
 * arguments with Kryo, and reads through {@code $deserializeLambda$}.
 *
 * <p>Serializable lambdas written inside the JDK (such as {@code Map.Entry.comparingByKey()})
 * cannot be opened by reflection; they go through Java serialization, which has the access.
 */
final class LambdaSerializer extends Serializer<Object> {
    private static final byte KRYO_FORM = 0;
    private static final byte JAVA_FORM = 1;

    @Override
    public void write(Kryo kryo, Output output, Object lambda) {
        Optional<SerializedLambda> form = Lambdas.serializedForm(lambda);
        if (form.isPresent()) {
            output.writeByte(KRYO_FORM);
            writeKryoForm(kryo, output, lambda, form.get());
        } else if (lambda instanceof Serializable) {
            output.writeByte(JAVA_FORM);
            writeJavaForm(output, lambda);
        } else {
            throw new SerializationException(notSerializableMessage(lambda.getClass()));
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        byte form = input.readByte();
        return form == KRYO_FORM ? readKryoForm(kryo, input) : readJavaForm(kryo, input);
    }

    static String notSerializableMessage(Class<?> lambdaClass) {
        return Lambdas.displayName(lambdaClass) + " cannot be serialized: " + notSerializableReason(lambdaClass);
    }

    static String notSerializableReason(Class<?> lambdaClass) {
        return "it is a lambda of an interface that is not java.io.Serializable "
                + Arrays.stream(lambdaClass.getInterfaces()).map(Class::getName).toList()
                + "; declare it with a serializable type such as io.vavr.Function1 or io.vavr.Function2";
    }

    private static void writeKryoForm(Kryo kryo, Output output, Object lambda, SerializedLambda form) {
        int count = form.getCapturedArgCount();
        output.writeVarInt(count, true);
        for (int i = 0; i < count; i++) {
            kryo.writeClassAndObject(output, form.getCapturedArg(i));
        }
        kryo.writeClass(output, Lambdas.capturingClass(lambda, form));
        output.writeString(form.getFunctionalInterfaceClass());
        output.writeString(form.getFunctionalInterfaceMethodName());
        output.writeString(form.getFunctionalInterfaceMethodSignature());
        output.writeVarInt(form.getImplMethodKind(), true);
        output.writeString(form.getImplClass());
        output.writeString(form.getImplMethodName());
        output.writeString(form.getImplMethodSignature());
        output.writeString(form.getInstantiatedMethodType());
    }

    private static Object readKryoForm(Kryo kryo, Input input) {
        int count = input.readVarInt(true);
        Object[] captured = new Object[count];
        for (int i = 0; i < count; i++) {
            captured[i] = kryo.readClassAndObject(input);
        }
        Class<?> capturingClass = kryo.readClass(input).getType();
        SerializedLambda form = new SerializedLambda(
                capturingClass,
                input.readString(),
                input.readString(),
                input.readString(),
                input.readVarInt(true),
                input.readString(),
                input.readString(),
                input.readString(),
                input.readString(),
                captured);
        return Lambdas.deserialize(capturingClass, form);
    }

    private static void writeJavaForm(Output output, Object lambda) {
        try {
            byte[] bytes = JavaSerialization.toBytes(lambda);
            output.writeVarInt(bytes.length, true);
            output.writeBytes(bytes);
        } catch (IOException e) {
            throw new KryoException("Cannot serialize lambda " + Lambdas.displayName(lambda.getClass()), e);
        }
    }

    private static Object readJavaForm(Kryo kryo, Input input) {
        byte[] bytes = input.readBytes(input.readVarInt(true));
        try {
            return JavaSerialization.fromBytes(bytes, kryo.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new KryoException("Cannot deserialize a lambda", e);
        }
    }
}
