package io.ember.dataframe.internal.io.parquet;

/**
 * BYTE_STREAM_SPLIT: for values of {@code width} bytes, byte {@code k} of every value is stored in
 * stream {@code k}, the streams one after another. Value {@code i} is gathered from byte {@code i}
 * of each stream.
 */
final class ByteStreamSplitDecoder extends ValuesDecoder {
    private final byte[] data;
    private final int start;
    private final int width;
    private final int count;
    private final byte[] value;
    private int next;

    ByteStreamSplitDecoder(PageBytes in, int width) {
        if (width <= 0 || in.remaining() % width != 0) {
            throw new IllegalStateException("Parquet BYTE_STREAM_SPLIT page of " + in.remaining()
                    + " bytes is not a whole number of " + width + "-byte values");
        }
        this.data = in.data;
        this.start = in.pos;
        this.width = width;
        this.count = in.remaining() / width;
        this.value = new byte[width];
    }

    @Override
    String encoding() {
        return "BYTE_STREAM_SPLIT";
    }

    private void require(int n) {
        if (n > count - next) {
            throw new IllegalStateException("Parquet BYTE_STREAM_SPLIT page holds " + count + " values, asked for "
                    + (next + n));
        }
    }

    @Override
    void skip(int n) {
        require(n);
        next += n;
    }

    private long gather(int i) {
        long v = 0;
        for (int k = 0; k < width; k++) {
            v |= (data[start + k * count + i] & 0xFFL) << (8 * k);
        }
        return v;
    }

    @Override
    void readInts(int[] dst, int off, int n) {
        require(n);
        for (int i = 0; i < n; i++) {
            dst[off + i] = (int) gather(next++);
        }
    }

    @Override
    void readLongs(long[] dst, int off, int n) {
        require(n);
        for (int i = 0; i < n; i++) {
            dst[off + i] = gather(next++);
        }
    }

    @Override
    void readFloats(double[] dst, int off, int n) {
        require(n);
        for (int i = 0; i < n; i++) {
            dst[off + i] = Float.intBitsToFloat((int) gather(next++));
        }
    }

    @Override
    void readDoubles(double[] dst, int off, int n) {
        require(n);
        for (int i = 0; i < n; i++) {
            dst[off + i] = Double.longBitsToDouble(gather(next++));
        }
    }

    @Override
    void readBinaries(BinarySink sink, int n) {
        require(n);
        for (int i = 0; i < n; i++, next++) {
            for (int k = 0; k < width; k++) {
                value[k] = data[start + k * count + next];
            }
            sink.accept(value, 0, width);
        }
    }
}
