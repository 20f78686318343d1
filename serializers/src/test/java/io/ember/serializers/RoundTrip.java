package io.ember.serializers;

/** Test helper: one trip through the shared codec, resolving classes with the test's loader. */
final class RoundTrip {
    private RoundTrip() {
    }

    static <T> T of(Object value) {
        Codec codec = Codecs.kryo();
        return codec.deserialize(codec.serialize(value), RoundTrip.class.getClassLoader());
    }
}
