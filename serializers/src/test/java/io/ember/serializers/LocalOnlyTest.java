package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalOnlyTest {

    static final class FakeContext implements LocalOnly {
        final String name = "driver";
    }

    record Job(String id, FakeContext context) {
    }

    @Test
    void serialize_localOnlyObject_namesItsClass() {
        SerializationException e =
                assertThrows(SerializationException.class, () -> Codecs.kryo().serialize(new FakeContext()));
        assertTrue(e.getMessage().startsWith(FakeContext.class.getName() + " cannot be serialized"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be used inside a closure"), e.getMessage());
    }

    @Test
    void serialize_localOnlyInsideAGraph_namesItsClass() {
        SerializationException e = assertThrows(
                SerializationException.class, () -> Codecs.kryo().serialize(List.of(new Job("j", new FakeContext()))));
        assertTrue(e.getMessage().contains(FakeContext.class.getName() + " cannot be serialized"), e.getMessage());
    }
}
