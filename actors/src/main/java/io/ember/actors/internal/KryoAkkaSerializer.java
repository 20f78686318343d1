package io.ember.actors.internal;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.JSerializer;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Akka serializer for Ember's protocol messages (every {@link EmberMessage}), bound in this
 * module's {@code reference.conf}; Akka instantiates it with its actor system.
 */
public final class KryoAkkaSerializer extends JSerializer {

    /*
     * Design notes
     * ------------
     * Wire form: the manifest is the message's class (Akka writes its name), the bytes are the
     * record's component values as an Object[] serialized by the shared Codec. Typed ActorRefs
     * cannot go through Kryo as objects; a component declared as ActorRef is written as
     * ActorRefResolver's string and resolved on the way back, so the codec only ever sees
     * strings, boxed primitives and byte arrays, and the serializers module need not know Akka.
     * ActorRefs are supported as direct record components only, which is all the protocol uses.
     *
     * The resolver is looked up on use, not in the constructor: Akka creates serializers while
     * the system is still starting, before its typed extensions can be initialised.
     */

    /** This serializer's id in Akka's registry (Akka reserves 0 to 40). */
    public static final int IDENTIFIER = 9001;

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final ExtendedActorSystem system;
    private final Codec codec = Codecs.kryo();

    /** Called by Akka's serialization extension. */
    public KryoAkkaSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public boolean includeManifest() {
        return true;
    }

    @Override
    public byte[] toBinary(Object message) {
        RecordShape shape = SHAPES.get(message.getClass());
        Object[] values = shape.values(message);
        for (int i = 0; i < values.length; i++) {
            if (shape.isActorRef(i) && values[i] != null) {
                values[i] = resolver().toSerializationFormat((ActorRef<?>) values[i]);
            }
        }
        return codec.serialize(values);
    }

    @Override
    public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
        if (manifest == null) {
            throw new IllegalArgumentException("KryoAkkaSerializer needs the message class as manifest");
        }
        RecordShape shape = SHAPES.get(manifest);
        Object[] values = codec.deserialize(bytes, system.dynamicAccess().classLoader());
        for (int i = 0; i < values.length; i++) {
            if (shape.isActorRef(i) && values[i] != null) {
                values[i] = resolver().resolveActorRef((String) values[i]);
            }
        }
        return shape.create(values);
    }

    private ActorRefResolver resolver() {
        return ActorRefResolver.get(Adapter.toTyped(system));
    }

    /** How to take a record apart and put it back together, computed once per class. */
    private static final class RecordShape {
        private final Class<?> type;
        private final Method[] accessors;
        private final boolean[] actorRefs;
        private final Constructor<?> constructor;

        private RecordShape(Class<?> type) {
            if (!type.isRecord() || !EmberMessage.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " is not an EmberMessage record");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            this.type = type;
            this.accessors = new Method[components.length];
            this.actorRefs = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true); // why: protocol records may be private nested types
                types[i] = components[i].getType();
                actorRefs[i] = ActorRef.class.isAssignableFrom(types[i]);
            }
            try {
                this.constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record always has its canonical constructor: " + type.getName(), e);
            }
        }

        boolean isActorRef(int component) {
            return actorRefs[component];
        }

        Object[] values(Object message) {
            Object[] values = new Object[accessors.length];
            try {
                for (int i = 0; i < accessors.length; i++) {
                    values[i] = accessors[i].invoke(message);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read the components of " + type.getName(), e);
            }
            return values;
        }

        Object create(Object[] values) {
            if (values.length != accessors.length) {
                throw new IllegalArgumentException("expected " + accessors.length + " components for "
                        + type.getName() + ", got " + values.length);
            }
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot rebuild a " + type.getName(), e);
            }
        }
    }
}
