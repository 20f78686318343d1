package io.ember.dataframe.internal.io.parquet;

/**
 * PLAIN: little-endian fixed-width values back to back, booleans bit-packed least significant bit
 * first, byte arrays each after a 4-byte length, fixed-length byte arrays (and int96) back to back.
 * Dictionary pages are PLAIN too.
 */
final class PlainDecoder extends ValuesDecoder {
    private final PageBytes in;
    private final int fixedLength;
    private int bitIndex;

    /**
     * @param fixedLength the length of each byte-array value (fixed_len_byte_array, 12 for int96),
     *     or -1 for length-prefixed byte arrays
     */
    PlainDecoder(PageBytes in, int fixedLength) {
        this.in = in;
        this.fixedLength = fixedLength;
    }

    @Override
    String encoding() {
        return "PLAIN";
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
