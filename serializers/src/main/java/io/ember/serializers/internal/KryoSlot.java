package io.ember.serializers.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** One pooled unit of work: a configured Kryo with the buffers that go with it. */
final class KryoSlot {
    /** Big enough for a task closure or a small result, so the hot path never grows it. */
    private static final int INITIAL_BUFFER = 4 * 1024;
    /** A buffer grown past this by one large object is not kept: it would pin memory forever. */
    private static final int MAX_RETAINED_BUFFER = 1024 * 1024;
    private static final byte[] NO_BYTES = new byte[0];

    final Kryo kryo = EmberKryo.create();
    final Input input = new Input();
    Output output = newOutput();

    void clear() {
        if (output.getBuffer().length > MAX_RETAINED_BUFFER) {
            output = newOutput();
        } else {
            output.reset();
        }
        // Drop the reference to the caller's array.
        input.setBuffer(NO_BYTES);
    }

    private static Output newOutput() {
        return new Output(INITIAL_BUFFER, -1);
    }
}
