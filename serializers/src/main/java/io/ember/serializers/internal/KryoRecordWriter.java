package io.ember.serializers.internal;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Output;
import io.ember.serializers.Codec;
import io.ember.serializers.SerializationException;
import java.io.OutputStream;

/**
 * Writes records to a stream. Each record is serialized into a pooled buffer first and copied
 * out only when complete, so a record that fails to serialize leaves nothing behind and the
 * writer stays usable. A Kryo is borrowed per record rather than held, because a shuffle may
 * keep one writer open per partition in the same thread.
 */
final class KryoRecordWriter implements Codec.RecordWriter {
    private static final int STREAM_BUFFER = 16 * 1024;

    private final KryoCodec codec;
    private final Output stream;
    private boolean closed;

    KryoRecordWriter(KryoCodec codec, OutputStream out) {
        this.codec = codec;
        this.stream = new Output(out, STREAM_BUFFER);
    }

    @Override
    public void write(Object record) {
        ensureOpen();
        KryoSlot slot = codec.obtain();
        boolean healthy = false;
        try {
            slot.kryo.writeClassAndObject(slot.output, record);
            healthy = true;
        } catch (RuntimeException e) {
            throw Failures.serializeFailed(record, e);
        } finally {
            if (healthy) {
                copyOut(slot.output);
            }
            codec.release(slot, healthy);
        }
    }

    @Override
    public void flush() {
        ensureOpen();
        try {
            stream.flush();
        } catch (KryoException e) {
            throw new SerializationException("Cannot flush the record stream: " + Failures.reason(e), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.writeByte(RecordTags.END);
            stream.close();
        } catch (KryoException e) {
            throw new SerializationException("Cannot close the record stream: " + Failures.reason(e), e);
        }
    }

    private void copyOut(Output record) {
        try {
            stream.writeByte(RecordTags.RECORD);
            stream.writeBytes(record.getBuffer(), 0, record.position());
        } catch (KryoException e) {
            throw new SerializationException("Cannot write to the record stream: " + Failures.reason(e), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The record writer is closed");
        }
    }
}
