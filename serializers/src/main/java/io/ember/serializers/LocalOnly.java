package io.ember.serializers;

/**
 * Marks objects that belong to one JVM and must never be shipped to executors: the engine
 * context, connection pools, caches of live resources. Serializing an instance with a
 * {@link Codec} fails with a {@link SerializationException} naming its class, and
 * {@link Closures#ensureSerializable} reports a closure that captures one, so the mistake shows
 * up when a transformation is created on the driver rather than as an odd failure on an
 * executor.
 *
 * <p>Fields of this type inside closures should be {@code transient}, or the closure should
 * copy out the plain values it needs before capturing them.
 */
public interface LocalOnly {
}
