package io.ember.dataframe.internal.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.column.values.deltalengthbytearray.DeltaLengthByteArrayValuesReader;
import org.apache.parquet.column.values.deltastrings.DeltaByteArrayReader;
import org.apache.parquet.io.api.Binary;

/**
 * The delta encodings, over parquet-mr's own readers: DELTA_BINARY_PACKED unpacks a whole page of
 * int32 or int64 at initialisation, DELTA_LENGTH_BYTE_ARRAY decodes all lengths up front and
 * then slices the bytes, DELTA_BYTE_ARRAY (prefix lengths, suffixes) rebuilds each value from the
 * previous one. What is left per value is a cheap array read, so these loops only copy out.
 */
final class DeltaDecoder extends ValuesDecoder {
    private final String encoding;
    private final ValuesReader reader;

    private DeltaDecoder(String encoding, ValuesReader reader, PageBytes in, int valueCount) {
        this.encoding = encoding;
        this.reader = reader;
        try {
            reader.initFromPage(valueCount, ByteBufferInputStream.wrap(ByteBuffer.wrap(in.data, in.pos, in.remaining())));
        } catch (IOException e) {
            throw new UncheckedIOException("Parquet " + encoding + " page cannot be read: " + e.getMessage(), e);
        }
    }

    static DeltaDecoder binaryPacked(PageBytes in, int valueCount) {
        return new DeltaDecoder("DELTA_BINARY_PACKED", new DeltaBinaryPackingValuesReader(), in, valueCount);
    }

    static DeltaDecoder lengthByteArray(PageBytes in, int valueCount) {
        return new DeltaDecoder("DELTA_LENGTH_BYTE_ARRAY", new DeltaLengthByteArrayValuesReader(), in, valueCount);
    }

    static DeltaDecoder byteArray(PageBytes in, int valueCount) {
        return new DeltaDecoder("DELTA_BYTE_ARRAY", new DeltaByteArrayReader(), in, valueCount);
    }

    @Override
    String encoding() {
        return encoding;
    }

    /**
     * parquet-mr's skips: binary packed and length byte array move through their already decoded
     * values and lengths; a delta byte array decodes each skipped value, which the next one's
     * prefix may need.
     */
    @Override
    void skip(int n) {
        reader.skip(n);
    }

    @Override
    void readInts(int[] dst, int off, int n) {
        requireNumbers();
        for (int i = 0; i < n; i++) {
            dst[off + i] = reader.readInteger();
        }
    }

    @Override
    void readLongs(long[] dst, int off, int n) {
        requireNumbers();
        for (int i = 0; i < n; i++) {
            dst[off + i] = reader.readLong();
        }
    }

    @Override
    void readBinaries(BinarySink sink, int n) {
        if (reader instanceof DeltaBinaryPackingValuesReader) {
            throw new IllegalStateException("Parquet encoding " + encoding + " cannot hold byte array values");
        }
        for (int i = 0; i < n; i++) {
            Binary b = reader.readBytes();
            ByteBuffer buf = b.toByteBuffer();
            if (buf.hasArray()) {
                sink.accept(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
            } else {
                byte[] copy = b.getBytes();
                sink.accept(copy, 0, copy.length);
            }
        }
    }

    private void requireNumbers() {
        if (!(reader instanceof DeltaBinaryPackingValuesReader)) {
            throw new IllegalStateException("Parquet encoding " + encoding + " cannot hold integer values");
        }
    }
}
