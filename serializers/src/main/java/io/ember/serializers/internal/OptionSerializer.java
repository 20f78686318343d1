package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.control.Option;

/**
 * Writes a Vavr {@code Option}. {@code None} must come back as the singleton: its
 * {@code equals} is identity, so a fresh instance built by reflection would equal nothing.
 */
final class OptionSerializer extends Serializer<Option<Object>> {
    @Override
    public void write(Kryo kryo, Output output, Option<Object> option) {
        output.writeBoolean(option.isDefined());
        if (option.isDefined()) {
            kryo.writeClassAndObject(output, option.get());
        }
    }

    @Override
    public Option<Object> read(Kryo kryo, Input input, Class<? extends Option<Object>> type) {
        return input.readBoolean() ? Option.some(kryo.readClassAndObject(input)) : Option.none();
    }
}
