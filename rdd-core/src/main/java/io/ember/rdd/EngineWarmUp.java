package io.ember.rdd;

import io.ember.rdd.internal.scheduler.EmberTaskRunner;
import io.ember.serializers.Codecs;
import io.vavr.Tuple;
import io.vavr.collection.List;

/**
 * Loads and initialises the serializer and the classes every first job needs on a second
 * thread while the actor system starts on the first: start-up is mostly class loading, and the
 * two are independent, so a short-lived process (a script, a test, a shell) gets its first
 * answer sooner.
 */
final class EngineWarmUp {
    private EngineWarmUp() {
    }

    static void startInBackground() {
        Thread thread = new Thread(EngineWarmUp::warmUp, "ember-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp() {
        try {
            byte[] bytes = Codecs.kryo().serialize(List.of(Tuple.of("warm", 1L), Tuple.of("up", 2L)));
            Codecs.kryo().deserialize(bytes, EngineWarmUp.class.getClassLoader());
            Class.forName(EmberTaskRunner.class.getName());
            Class.forName("io.ember.rdd.internal.scheduler.DAGScheduler");
            Class.forName("io.ember.rdd.internal.RddActions");
        } catch (ClassNotFoundException | RuntimeException e) {
            // Warming up is an optimisation only; the first job loads whatever is missing.
        }
    }
}
