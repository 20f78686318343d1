package io.ember.dataframe.internal.io.parquet;

import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The decoded dictionary page of one column chunk, decoded once and shared by all its
 * dictionary-encoded data pages: numbers in a primitive array, byte arrays concatenated with
 * their offsets. Immutable after construction.
 */
final class Dictionary {
    final int size;
    final int[] ints;
    final long[] longs;
    final double[] doubles;
    final byte[] bytes;
    final int[] offsets;

    private Dictionary(int size, int[] ints, long[] longs, double[] doubles, byte[] bytes, int[] offsets) {
        this.size = size;
        this.ints = ints;
        this.longs = longs;
        this.doubles = doubles;
        this.bytes = bytes;
        this.offsets = offsets;
    }

    /** Decodes {@code size} PLAIN values of {@code type} ({@code fixedLength} as for {@link PlainDecoder}). */
    static Dictionary decode(PageBytes in, int size, PrimitiveTypeName type, int fixedLength) {
        PlainDecoder plain = new PlainDecoder(in, type, fixedLength);
        switch (type) {
            case INT32 -> {
                int[] v = new int[size];
                plain.readInts(v, 0, size);
                return new Dictionary(size, v, null, null, null, null);
            }
            case INT64 -> {
                long[] v = new long[size];
                plain.readLongs(v, 0, size);
                return new Dictionary(size, null, v, null, null, null);
            }
            case FLOAT, DOUBLE -> {
                double[] v = new double[size];
                if (type == PrimitiveTypeName.FLOAT) {
                    plain.readFloats(v, 0, size);
                } else {
                    plain.readDoubles(v, 0, size);
                }
                return new Dictionary(size, null, null, v, null, null);
            }
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> {
                int[] offsets = new int[size + 1];
                // The values take fewer bytes than the page that holds them, lengths included.
                byte[] all = new byte[in.remaining()];
                int[] count = new int[1];
                plain.readBinaries((data, off, len) -> {
                    int at = offsets[count[0]];
                    System.arraycopy(data, off, all, at, len);
                    offsets[++count[0]] = at + len;
                }, size);
                return new Dictionary(size, null, null, null, all, offsets);
            }
            default -> throw new IllegalStateException("Parquet dictionary of " + type + " values is not allowed");
        }
    }
}
