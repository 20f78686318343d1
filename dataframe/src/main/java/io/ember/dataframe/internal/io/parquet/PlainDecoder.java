package io.ember.dataframe.internal.io.parquet;

import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * PLAIN: little-endian fixed-width values back to back, booleans bit-packed least significant bit
 * first, byte arrays each after a 4-byte length, fixed-length byte arrays (and int96) back to back.
 * Dictionary pages are PLAIN too.
 */
final class PlainDecoder extends ValuesDecoder {
    private final PageBytes in;
    private final PrimitiveTypeName type;
    private final int fixedLength;
    private int bitIndex;

    /**
     * @param type the physical type of the values, which says how far {@link #skip} moves
     * @param fixedLength the length of each byte-array value (fixed_len_byte_array, 12 for int96),
     *     or -1 for length-prefixed byte arrays
     */
    PlainDecoder(PageBytes in, PrimitiveTypeName type, int fixedLength) {
        this.in = in;
        this.type = type;
        this.fixedLength = fixedLength;
    }

    @Override
    String encoding() {
        return "PLAIN";
    }

    /** Fixed widths advance at once; length-prefixed byte arrays walk their lengths. */
    @Override
    void skip(int n) {
        switch (type) {
            case BOOLEAN -> {
                long bits = (long) bitIndex + n;
                in.require((int) ((bits + 7) >>> 3));
                in.pos += (int) (bits >>> 3);
                bitIndex = (int) (bits & 7);
            }
            case INT32, FLOAT -> advance(4, n);
            case INT64, DOUBLE -> advance(8, n);
            case INT96, FIXED_LEN_BYTE_ARRAY -> advance(fixedLength, n);
            case BINARY -> {
                for (int i = 0; i < n; i++) {
                    int length = in.readIntLE();
                    in.require(length);
                    in.pos += length;
                }
            }
        }
    }

    private void advance(int width, int n) {
        long bytes = (long) width * n;
        in.require((int) Math.min(bytes, Integer.MAX_VALUE));
        in.pos += (int) bytes;
    }

    @Override
    void readBooleans(boolean[] dst, int off, int n) {
        long bits = (long) bitIndex + n;
        in.require((int) ((bits + 7) >>> 3));
        byte[] data = in.data;
        int base = in.pos;
        for (int i = 0; i < n; i++) {
            int b = bitIndex + i;
            dst[off + i] = (data[base + (b >>> 3)] & (1 << (b & 7))) != 0;
        }
        bitIndex += n;
        in.pos += bitIndex >>> 3;
        bitIndex &= 7;
    }

    @Override
    void readInts(int[] dst, int off, int n) {
        in.require(4 * n);
        byte[] data = in.data;
        int p = in.pos;
        for (int i = 0; i < n; i++, p += 4) {
            dst[off + i] = PageBytes.intAt(data, p);
        }
        in.pos = p;
    }

    @Override
    void readLongs(long[] dst, int off, int n) {
        in.require(8 * n);
        byte[] data = in.data;
        int p = in.pos;
        for (int i = 0; i < n; i++, p += 8) {
            dst[off + i] = PageBytes.longAt(data, p);
        }
        in.pos = p;
    }

    @Override
    void readFloats(double[] dst, int off, int n) {
        in.require(4 * n);
        byte[] data = in.data;
        int p = in.pos;
        for (int i = 0; i < n; i++, p += 4) {
            dst[off + i] = Float.intBitsToFloat(PageBytes.intAt(data, p));
        }
        in.pos = p;
    }

    @Override
    void readDoubles(double[] dst, int off, int n) {
        in.require(8 * n);
        byte[] data = in.data;
        int p = in.pos;
        for (int i = 0; i < n; i++, p += 8) {
            dst[off + i] = Double.longBitsToDouble(PageBytes.longAt(data, p));
        }
        in.pos = p;
    }

    @Override
    void readBinaries(BinarySink sink, int n) {
        byte[] data = in.data;
        if (fixedLength >= 0) {
            in.require(fixedLength * n);
            for (int i = 0; i < n; i++) {
                sink.accept(data, in.pos, fixedLength);
                in.pos += fixedLength;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int length = in.readIntLE();
            in.require(length);
            sink.accept(data, in.pos, length);
            in.pos += length;
        }
    }
}
