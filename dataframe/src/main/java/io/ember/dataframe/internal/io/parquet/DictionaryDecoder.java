package io.ember.dataframe.internal.io.parquet;

/**
 * RLE_DICTIONARY / PLAIN_DICTIONARY data pages: a byte giving the bit width, then dictionary ids
 * in the RLE/bit-packed hybrid. Ids are decoded a batch at a time into a reused buffer and then
 * looked up, each checked against the dictionary's size.
 */
final class DictionaryDecoder extends ValuesDecoder {
    private final Dictionary dictionary;
    private final RleBitPackedDecoder ids;
    private final String encoding;
    private int[] buffer = new int[0];

    DictionaryDecoder(Dictionary dictionary, PageBytes in, String encoding) {
        this.dictionary = dictionary;
        this.encoding = encoding;
        int bitWidth = in.remaining() == 0 ? 0 : in.readByte();
        this.ids = new RleBitPackedDecoder(in, bitWidth);
    }

    @Override
    String encoding() {
        return encoding;
    }

    /** Advances the ids without looking them up: an id that is skipped is never used, so never checked either. */
    @Override
    void skip(int n) {
        ids.skip(n);
    }

    private int[] ids(int n) {
        if (buffer.length < n) {
            buffer = new int[Math.max(n, 2 * buffer.length)];
        }
        ids.readInts(buffer, 0, n);
        int size = dictionary.size;
        for (int i = 0; i < n; i++) {
            if (buffer[i] < 0 || buffer[i] >= size) {
                throw new IllegalStateException("Parquet dictionary id " + buffer[i] + " is out of range: the dictionary has "
                        + size + " entries");
            }
        }
        return buffer;
    }

    /** The dictionary whose entries this page's ids name. */
    Dictionary dictionary() {
        return dictionary;
    }

    /** Reads the next {@code n} ids, each checked against the dictionary's size, into {@code dst} from {@code off}. */
    void readIds(int[] dst, int off, int n) {
        System.arraycopy(ids(n), 0, dst, off, n);
    }

    @Override
    void readInts(int[] dst, int off, int n) {
        int[] id = ids(n);
        int[] values = require(dictionary.ints, "int32");
        for (int i = 0; i < n; i++) {
            dst[off + i] = values[id[i]];
        }
    }

    @Override
    void readLongs(long[] dst, int off, int n) {
        int[] id = ids(n);
        long[] values = require(dictionary.longs, "int64");
        for (int i = 0; i < n; i++) {
            dst[off + i] = values[id[i]];
        }
    }

    @Override
    void readFloats(double[] dst, int off, int n) {
        readDoubles(dst, off, n);
    }

    @Override
    void readDoubles(double[] dst, int off, int n) {
        int[] id = ids(n);
        double[] values = require(dictionary.doubles, "floating-point");
        for (int i = 0; i < n; i++) {
            dst[off + i] = values[id[i]];
        }
    }

    @Override
    void readBinaries(BinarySink sink, int n) {
        int[] id = ids(n);
        int[] offsets = require(dictionary.offsets, "byte array");
        byte[] bytes = dictionary.bytes;
        for (int i = 0; i < n; i++) {
            int start = offsets[id[i]];
            sink.accept(bytes, start, offsets[id[i] + 1] - start);
        }
    }

    private static <T> T require(T values, String type) {
        if (values == null) {
            throw new IllegalStateException("Parquet dictionary does not hold " + type + " values");
        }
        return values;
    }
}
