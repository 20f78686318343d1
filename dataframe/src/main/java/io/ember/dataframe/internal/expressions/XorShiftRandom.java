package io.ember.dataframe.internal.expressions;

import java.util.Random;

/**
 * Spark's {@code XORShiftRandom}: a xorshift generator behind {@link Random}'s interface, its seed
 * spread by Scala's MurmurHash3 of the seed's 8 bytes, so that {@code rand(seed)} draws the same
 * sequence of numbers as Spark's for the same seed and partition.
 */
final class XorShiftRandom extends Random {
    private static final long serialVersionUID = 1L;
    /** Scala's {@code MurmurHash3.arraySeed}. */
    private static final int ARRAY_SEED = 0x3c074a61;

    private long state;

    XorShiftRandom(long seed) {
        super(seed);
        state = hashSeed(seed);
    }

    @Override
    public synchronized void setSeed(long seed) {
        state = hashSeed(seed);
    }

    @Override
    protected int next(int bits) {
        long next = state ^ (state << 21);
        next ^= next >>> 35;
        next ^= next << 4;
        state = next;
        return (int) (next & ((1L << bits) - 1));
    }

    private static long hashSeed(long seed) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (seed >>> (56 - 8 * i));
        }
        int low = bytesHash(bytes, ARRAY_SEED);
        int high = bytesHash(bytes, low);
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    /** Scala's {@code MurmurHash3.bytesHash} (for a multiple of 4 bytes, as here). */
    private static int bytesHash(byte[] data, int seed) {
        int h = seed;
        for (int i = 0; i + 4 <= data.length; i += 4) {
            int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
            k *= 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15);
            k *= 0x1b873593;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
