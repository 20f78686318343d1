package io.ember.dataframe.internal.io.parquet;

import java.util.Arrays;

/**
 * Parquet's RLE/bit-packed hybrid: runs of one repeated value, and runs of values bit-packed in
 * groups of eight, least significant bit first. Definition levels, dictionary ids and v2
 * booleans are stored this way. Whole runs are consumed at a time: a repeated run becomes one
 * {@code Arrays.fill}, a packed run one loop of shifts over 64-bit little-endian words.
 *
 * <p>Mutable; owned by the page decoder that created it.
 */
final class RleBitPackedDecoder {
    private final PageBytes in;
    private final int bitWidth;
    private final long mask;
    private final int valueBytes;

    private boolean repeated;
    private int remaining;
    private int repeatedValue;
    private int packedStart;
    private int packedEnd;
    private long packedBit;

    /** Values of {@code bitWidth} bits (0 to 32) from {@code in}, which the runs consume. */
    RleBitPackedDecoder(PageBytes in, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IllegalStateException("Parquet RLE/bit-packed bit width must be in [0, 32], got " + bitWidth);
        }
        this.in = in;
        this.bitWidth = bitWidth;
        this.mask = (1L << bitWidth) - 1;
        this.valueBytes = (bitWidth + 7) / 8;
    }

    /** Reads {@code n} values into {@code dst} from {@code off}. */
    void readInts(int[] dst, int off, int n) {
        while (n > 0) {
            int k = nextRun(n);
            if (repeated) {
                Arrays.fill(dst, off, off + k, repeatedValue);
            } else {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = unpackNext();
                }
            }
            remaining -= k;
            off += k;
            n -= k;
        }
    }

    /** Moves past {@code n} values: repeated runs are counted down, packed runs advance their bit position. */
    void skip(int n) {
        while (n > 0) {
            int k = nextRun(n);
            if (!repeated) {
                packedBit += (long) k * bitWidth;
            }
            remaining -= k;
            n -= k;
        }
    }

    /** Reads {@code n} values as booleans (bit width 1). */
    void readBooleans(boolean[] dst, int off, int n) {
        while (n > 0) {
            int k = nextRun(n);
            if (repeated) {
                Arrays.fill(dst, off, off + k, repeatedValue != 0);
            } else {
                for (int i = 0; i < k; i++) {
                    dst[off + i] = unpackNext() != 0;
                }
            }
            remaining -= k;
            off += k;
            n -= k;
        }
    }

    /**
     * Reads {@code n} definition levels as a null mask ({@code nulls[i]} set where the level is
     * below {@code maxLevel}; entries that are not null are left untouched, so pass a cleared
     * range) and returns how many values are not null.
     */
    int readNulls(boolean[] nulls, int off, int n, int maxLevel) {
        int present = 0;
        while (n > 0) {
            int k = nextRun(n);
            if (repeated) {
                if (repeatedValue == maxLevel) {
                    present += k;
                } else {
                    Arrays.fill(nulls, off, off + k, true);
                }
            } else {
                for (int i = 0; i < k; i++) {
                    boolean isNull = unpackNext() != maxLevel;
                    nulls[off + i] = isNull;
                    present += isNull ? 0 : 1;
                }
            }
            remaining -= k;
            off += k;
            n -= k;
        }
        return present;
    }

    /** Starts runs until one has values left; returns how many of the {@code wanted} it covers. */
    private int nextRun(int wanted) {
        while (remaining == 0) {
            int header = in.readUnsignedVarInt();
            if ((header & 1) == 0) {
                repeated = true;
                remaining = header >>> 1;
                repeatedValue = in.readFixedWidthInt(valueBytes);
            } else {
                repeated = false;
                int groups = header >>> 1;
                remaining = groups * 8;
                long bytes = (long) groups * bitWidth;
                // A writer may end the last packed run early instead of padding its final group;
                // bits past the page's end read as zero and are never asked for by a valid page.
                int available = (int) Math.min(bytes, in.remaining());
                packedStart = in.pos;
                packedEnd = in.pos + available;
                packedBit = 0;
                in.pos += available;
            }
            if (remaining == 0 && in.remaining() == 0) {
                throw new IllegalStateException("Parquet RLE/bit-packed data ends before its values do");
            }
        }
        return Math.min(wanted, remaining);
    }

    private int unpackNext() {
        int at = packedStart + (int) (packedBit >>> 3);
        int shift = (int) (packedBit & 7);
        packedBit += bitWidth;
        long word;
        if (at + 8 <= packedEnd) {
            word = PageBytes.longAt(in.data, at);
        } else {
            word = 0;
            for (int b = 0; b < 8 && at + b < packedEnd; b++) {
                word |= (in.data[at + b] & 0xFFL) << (8 * b);
            }
        }
        return (int) ((word >>> shift) & mask);
    }
}
