package io.ember.rdd.internal.shuffle;

import java.io.InputStream;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4BlockInputStream;
import net.jpountz.lz4.LZ4BlockOutputStream;
import net.jpountz.lz4.LZ4Factory;

/**
 * The codec of shuffle blocks and spill files: LZ4 in 32 KiB blocks (lz4-java picks its native
 * library when it loads, pure Java otherwise). Small blocks keep the memory of the many streams
 * a merge opens at once low. Decompression uses the bounds-checking decompressor, so corrupt
 * input fails instead of reading out of bounds.
 */
public final class Compression {
    private static final int BLOCK_SIZE = 32 * 1024;
    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private Compression() {
    }

    /** Compresses what is written to {@code out}; closing the result closes {@code out}. */
    public static OutputStream compress(OutputStream out) {
        return new LZ4BlockOutputStream(out, BLOCK_SIZE, LZ4.fastCompressor());
    }

    /** Decompresses {@code in}; closing the result closes {@code in}. */
    public static InputStream decompress(InputStream in) {
        return LZ4BlockInputStream.newBuilder().withDecompressor(LZ4.safeDecompressor()).build(in);
    }
}
