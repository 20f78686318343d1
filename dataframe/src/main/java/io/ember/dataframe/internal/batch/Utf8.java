package io.ember.dataframe.internal.batch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Operations on strings held as UTF-8 bytes ({@code bytes[off, off + len)}), as Spark's
 * {@code UTF8String} does them: order is unsigned byte order, which for valid UTF-8 is code point
 * order; equality is byte equality; lengths and positions count code points. Because UTF-8 is
 * self-synchronising, a byte-wise match of one valid string inside another is a match of code
 * points, so searching needs no decoding.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** The UTF-8 bytes of {@code s} (unpaired surrogates become {@code ?}, as Spark's do). */
    public static byte[] encode(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The string of {@code len} UTF-8 bytes from {@code off}. */
    public static String decode(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    /** Unsigned lexicographic order of two byte ranges: code point order. */
    public static int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        return Arrays.compareUnsigned(a, aOff, aOff + aLen, b, bOff, bOff + bLen);
    }

    /** Whether two byte ranges hold the same bytes. */
    public static boolean equals(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        return aLen == bLen && Arrays.equals(a, aOff, aOff + aLen, b, bOff, bOff + bLen);
    }

    /** Code point order of two Java strings, agreeing with {@link #compare} on their UTF-8 bytes. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Only a surrogate against a char in [E000, FFFF] orders differently in UTF-16.
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * MurmurHash3 (x86, 32 bits, seed 42) of the bytes: equal strings hash alike whatever vector
     * holds them, which hash partitioning and hash joins rely on.
     */
    public static int hash(byte[] b, int off, int len) {
        int h = 42;
        int end = off + (len & ~3);
        for (int i = off; i < end; i += 4) {
            int k = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
            h = mixH(h, mixK(k));
        }
        int k = 0;
        switch (len & 3) {
            case 3:
                k ^= (b[end + 2] & 0xff) << 16;
                // falls through
            case 2:
                k ^= (b[end + 1] & 0xff) << 8;
                // falls through
            case 1:
                k ^= b[end] & 0xff;
                h ^= mixK(k);
                break;
            default:
                break;
        }
        h ^= len;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** {@link #hash} of the UTF-8 bytes of {@code s}. */
    public static int hash(String s) {
        byte[] b = encode(s);
        return hash(b, 0, b.length);
    }

    private static int mixK(int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        return k * 0x1b873593;
    }

    private static int mixH(int h, int k) {
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    /** How many bytes the character starting with lead byte {@code lead} takes (1 for a stray byte). */
    public static int charBytes(byte lead) {
        int b = lead & 0xff;
        if (b < 0xc0) {
            return 1;
        }
        return b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    }

    /** The number of code points: bytes that do not continue a character. */
    public static int numChars(byte[] b, int off, int len) {
        int n = 0;
        for (int i = off, end = off + len; i < end; i++) {
            if ((b[i] & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    /** The byte offset from {@code off} at which code point {@code chars} starts (len if past the end). */
    public static int byteOffsetOfChar(byte[] b, int off, int len, int chars) {
        int at = 0;
        for (int c = 0; c < chars && at < len; c++) {
            at += charBytes(b[off + at]);
        }
        return Math.min(at, len);
    }

    /** Whether every byte is ASCII. */
    public static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[off, off+len)} begins with {@code p[pOff, pOff+pLen)}. */
    public static boolean startsWith(byte[] b, int off, int len, byte[] p, int pOff, int pLen) {
        return pLen <= len && Arrays.equals(b, off, off + pLen, p, pOff, pOff + pLen);
    }

    /** Whether {@code b[off, off+len)} ends with {@code p[pOff, pOff+pLen)}. */
    public static boolean endsWith(byte[] b, int off, int len, byte[] p, int pOff, int pLen) {
        return pLen <= len && Arrays.equals(b, off + len - pLen, off + len, p, pOff, pOff + pLen);
    }

    /** The first offset (relative to {@code off}) at or after {@code from} where {@code p} occurs, or -1. */
    public static int indexOf(byte[] b, int off, int len, int from, byte[] p, int pOff, int pLen) {
        if (pLen == 0) {
            return from <= len ? from : -1;
        }
        byte first = p[pOff];
        for (int i = from, last = len - pLen; i <= last; i++) {
            if (b[off + i] == first && Arrays.equals(b, off + i, off + i + pLen, p, pOff, pOff + pLen)) {
                return i;
            }
        }
        return -1;
    }
}
