package io.ember.dataframe.internal.io.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A range of a page's bytes, read front to back. Every decoder reads through one: the bytes are
 * a heap array (pages are copied there once when they are not), so the loops index the array
 * directly and read multi-byte values through little-endian views, as Parquet stores them.
 *
 * <p>Mutable; owned by the one decoder (and its page) that reads it.
 */
final class PageBytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final byte[] data;
    final int end;
    int pos;

    PageBytes(byte[] data, int pos, int end) {
        if (pos < 0 || end > data.length || pos > end) {
            throw new IllegalArgumentException("bad page range [" + pos + ", " + end + ") of " + data.length + " bytes");
        }
        this.data = data;
        this.pos = pos;
        this.end = end;
    }

    int remaining() {
        return end - pos;
    }

    /** The next {@code n} bytes as their own range; this one moves past them. */
    PageBytes slice(int n) {
        require(n);
        PageBytes s = new PageBytes(data, pos, pos + n);
        pos += n;
        return s;
    }

    /** The rest as its own range; this one ends up empty. */
    PageBytes rest() {
        return slice(remaining());
    }

    void require(int n) {
        if (n < 0 || n > end - pos) {
            throw new IllegalStateException("Parquet page is truncated: needs " + n + " more bytes at offset " + pos
                    + ", has " + (end - pos));
        }
    }

    int readByte() {
        require(1);
        return data[pos++] & 0xFF;
    }

    int readIntLE() {
        require(4);
        int v = (int) INT.get(data, pos);
        pos += 4;
        return v;
    }

    static int intAt(byte[] data, int at) {
        return (int) INT.get(data, at);
    }

    static long longAt(byte[] data, int at) {
        return (long) LONG.get(data, at);
    }

    /** An unsigned LEB128 varint of at most 32 bits. */
    int readUnsignedVarInt() {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalStateException("Parquet page has a malformed varint at offset " + pos);
    }

    /** A little-endian unsigned value of {@code bytes} bytes (0 to 4). */
    int readFixedWidthInt(int bytes) {
        require(bytes);
        int v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (data[pos + i] & 0xFF) << (8 * i);
        }
        pos += bytes;
        return v;
    }
}
