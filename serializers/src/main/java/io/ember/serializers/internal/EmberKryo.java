package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import io.ember.serializers.LocalOnly;
import java.lang.reflect.Modifier;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * A Kryo configured for Ember: no registration required (user classes are unknown in advance),
 * references on (closures share and cycle), objects built without constructors when there is
 * no no-arg one, and the serializers of {@link KryoRegistrations}.
 *
 * <p>It also corrects two default choices Kryo makes for classes it has not seen: a
 * {@link LocalOnly} object gets a serializer that refuses it, and a JDK collection that Kryo
 * would rebuild through a constructor it cannot call (views, wrappers, sub-lists: their fields
 * are closed to reflection on JDK 17) is copied element by element into its public
 * counterpart instead.
 */
final class EmberKryo extends Kryo {

    private EmberKryo() {
        super(new LoaderAwareClassResolver(), new MapReferenceResolver());
    }

    static Kryo create() {
        EmberKryo kryo = new EmberKryo();
        kryo.setRegistrationRequired(false);
        kryo.setWarnUnregisteredClasses(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        // Kryo skips synthetic fields by default, which silently drops what an anonymous or
        // inner class captured (this$0, val$x): the copy would run with nulls.
        SerializerFactory.FieldSerializerFactory fields = new SerializerFactory.FieldSerializerFactory();
        fields.getConfig().setIgnoreSyntheticFields(false);
        kryo.setDefaultSerializer(fields);
        KryoRegistrations.registerAll(kryo);
        return kryo;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Serializer getDefaultSerializer(Class type) {
        if (LocalOnly.class.isAssignableFrom(type)) {
            return LocalOnlySerializer.INSTANCE;
        }
        Serializer chosen = super.getDefaultSerializer(type);
        // Exact classes: Kryo's purpose-built serializers for JDK collections extend these two.
        if (chosen.getClass() == MapSerializer.class && !kryoCanRebuild(type)) {
            return new MapCopySerializer();
        }
        if (chosen.getClass() == CollectionSerializer.class && !kryoCanRebuild(type)) {
            return new CollectionCopySerializer();
        }
        return chosen;
    }

    /**
     * Kryo's collection serializers create an empty instance and add to it, which only works for
     * JDK classes through a public no-arg constructor; classes outside named modules are fine
     * because Kryo can open their constructors.
     */
    private static boolean kryoCanRebuild(Class<?> type) {
        if (!type.getModule().isNamed()) {
            return true;
        }
        if (!Modifier.isPublic(type.getModifiers())
                || Modifier.isAbstract(type.getModifiers())
                || !type.getModule().isExported(type.getPackageName())) {
            return false;
        }
        try {
            type.getConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
