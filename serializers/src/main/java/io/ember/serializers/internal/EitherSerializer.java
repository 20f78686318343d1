package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.control.Either;

/** Writes a Vavr {@code Either} as a side flag and the value. */
final class EitherSerializer extends Serializer<Either<Object, Object>> {
    @Override
    public void write(Kryo kryo, Output output, Either<Object, Object> either) {
        output.writeBoolean(either.isRight());
        kryo.writeClassAndObject(output, either.isRight() ? either.get() : either.getLeft());
    }

    @Override
    public Either<Object, Object> read(Kryo kryo, Input input, Class<? extends Either<Object, Object>> type) {
        boolean right = input.readBoolean();
        Object value = kryo.readClassAndObject(input);
        return right ? Either.right(value) : Either.left(value);
    }
}
