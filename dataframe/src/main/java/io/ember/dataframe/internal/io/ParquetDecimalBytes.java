package io.ember.dataframe.internal.io;

/** The fixed-length big-endian two's complement bytes Parquet stores a wide decimal's unscaled value in. */
final class ParquetDecimalBytes {
    private ParquetDecimalBytes() {
    }

    /** {@code twosComplement} (as {@link java.math.BigInteger#toByteArray}) sign-extended to {@code length} bytes. */
    static byte[] fixed(byte[] twosComplement, int length) {
        byte[] out = new byte[length];
        byte pad = (byte) (twosComplement[0] < 0 ? -1 : 0);
        int offset = length - twosComplement.length;
        for (int i = 0; i < length; i++) {
            out[i] = i < offset ? pad : twosComplement[i - offset];
        }
        return out;
    }
}
