package io.ember.actors.internal;

/**
 * Marks a protocol message that may cross an Akka serialization boundary. {@code reference.conf}
 * binds this interface to {@link KryoAkkaSerializer}, so Akka's Java serialization is never
 * needed. Implementations are records whose components are Codec-serializable values or typed
 * {@code ActorRef}s.
 */
public interface EmberMessage {}
