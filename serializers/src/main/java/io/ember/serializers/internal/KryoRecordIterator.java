package io.ember.serializers.internal;

import com.esotericsoftware.kryo.io.Input;
import io.ember.serializers.SerializationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the records of a {@link KryoRecordWriter} lazily, borrowing a Kryo per record. A stream
 * with no bytes at all is an empty one; a stream that ends without the end tag was truncated
 * and fails rather than silently losing records. The stream is closed at the end tag or on a
 * failure.
 */
final class KryoRecordIterator<T> implements Iterator<T> {
    private static final int STREAM_BUFFER = 16 * 1024;

    private final KryoCodec codec;
    private final InputStream stream;
    private final Input input;
    private final ClassLoader loader;
    private boolean recordPending;
    private boolean finished;
    private boolean anyTagRead;

    KryoRecordIterator(KryoCodec codec, InputStream stream, ClassLoader loader) {
        this.codec = codec;
        this.stream = stream;
        this.input = new Input(stream, STREAM_BUFFER);
        this.loader = loader;
    }

    @Override
    public boolean hasNext() {
        if (recordPending) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            if (input.end()) {
                finish();
                if (anyTagRead) {
                    throw new SerializationException("The record stream is truncated: it ends without its end marker");
                }
                return false;
            }
            byte tag = input.readByte();
            anyTagRead = true;
            if (tag == RecordTags.END) {
                finish();
                return false;
            }
            if (tag != RecordTags.RECORD) {
                finish();
                throw new SerializationException("The record stream is corrupt: unexpected tag " + tag);
            }
            recordPending = true;
            return true;
        } catch (RuntimeException e) {
            finish();
            throw e instanceof SerializationException own ? own : Failures.deserializeFailed(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        recordPending = false;
        KryoSlot slot = codec.obtain();
        ClassLoader previous = slot.kryo.getClassLoader();
        boolean healthy = false;
        try {
            slot.kryo.setClassLoader(loader);
            T record = (T) slot.kryo.readClassAndObject(input);
            healthy = true;
            return record;
        } catch (RuntimeException e) {
            finish();
            throw Failures.deserializeFailed(e);
        } finally {
            slot.kryo.setClassLoader(previous);
            codec.release(slot, healthy);
        }
    }

    private void finish() {
        finished = true;
        recordPending = false;
        try {
            stream.close();
        } catch (IOException e) {
            throw new SerializationException("Cannot close the record stream", e);
        }
    }
}
