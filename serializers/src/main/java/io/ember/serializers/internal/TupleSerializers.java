package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.vavr.Tuple;
import io.vavr.Tuple0;
import io.vavr.Tuple1;
import io.vavr.Tuple2;
import io.vavr.Tuple3;

/**
 * Serializers for the small Vavr tuples, which are shuffle records and aggregation keys: they
 * write the components directly, without the reflection of Kryo's field serializer.
 * {@code Tuple0} comes back as its singleton. Larger tuples use the field serializer.
 */
final class TupleSerializers {
    private TupleSerializers() {
    }

    static final class OfArity0 extends Serializer<Tuple0> {
        @Override
        public void write(Kryo kryo, Output output, Tuple0 tuple) {
        }

        @Override
        public Tuple0 read(Kryo kryo, Input input, Class<? extends Tuple0> type) {
            return Tuple.empty();
        }
    }

    static final class OfArity1 extends Serializer<Tuple1<Object>> {
        @Override
        public void write(Kryo kryo, Output output, Tuple1<Object> tuple) {
            kryo.writeClassAndObject(output, tuple._1);
        }

        @Override
        public Tuple1<Object> read(Kryo kryo, Input input, Class<? extends Tuple1<Object>> type) {
            return Tuple.of(kryo.readClassAndObject(input));
        }
    }

    static final class OfArity2 extends Serializer<Tuple2<Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, Tuple2<Object, Object> tuple) {
            kryo.writeClassAndObject(output, tuple._1);
            kryo.writeClassAndObject(output, tuple._2);
        }

        @Override
        public Tuple2<Object, Object> read(Kryo kryo, Input input, Class<? extends Tuple2<Object, Object>> type) {
            Object first = kryo.readClassAndObject(input);
            return Tuple.of(first, kryo.readClassAndObject(input));
        }
    }

    static final class OfArity3 extends Serializer<Tuple3<Object, Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, Tuple3<Object, Object, Object> tuple) {
            kryo.writeClassAndObject(output, tuple._1);
            kryo.writeClassAndObject(output, tuple._2);
            kryo.writeClassAndObject(output, tuple._3);
        }

        @Override
        public Tuple3<Object, Object, Object> read(
                Kryo kryo, Input input, Class<? extends Tuple3<Object, Object, Object>> type) {
            Object first = kryo.readClassAndObject(input);
            Object second = kryo.readClassAndObject(input);
            return Tuple.of(first, second, kryo.readClassAndObject(input));
        }
    }
}
