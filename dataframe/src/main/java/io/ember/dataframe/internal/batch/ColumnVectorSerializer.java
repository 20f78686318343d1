package io.ember.dataframe.internal.batch;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.ember.dataframe.types.DataType;

/**
 * Kryo's form of a {@link ColumnVector} (shuffles and spills): the type, kind and size, the null
 * mask as bits, then only the {@code size} live values: primitives as arrays, strings as their
 * lengths then their bytes back to back (unused bytes and shared constants are not written),
 * wide decimals as their low words then their high words, other objects one by one. A read
 * vector is compact and has exactly {@code size} capacity.
 * Vectors of dictionary entries travel decoded (the receiver gets plain strings).
 */
public final class ColumnVectorSerializer extends Serializer<ColumnVector> {

    @Override
    public void write(Kryo kryo, Output out, ColumnVector v) {
        kryo.writeClassAndObject(out, v.type);
        out.writeVarInt(v.kind, true);
        int n = v.size;
        out.writeVarInt(n, true);
        out.writeBoolean(v.nulls != null);
        if (v.nulls != null) {
            writeBits(out, v.nulls, n);
        }
        switch (v.kind) {
            case ColumnVector.BOOLEAN -> writeBits(out, v.booleans, n);
            case ColumnVector.INT -> out.writeInts(v.ints, 0, n);
            case ColumnVector.LONG, ColumnVector.DECIMAL -> out.writeLongs(v.longs, 0, n);
            case ColumnVector.WIDE_DECIMAL -> {
                out.writeLongs(v.longs, 0, n);
                out.writeLongs(v.highs, 0, n);
            }
            case ColumnVector.DOUBLE -> out.writeDoubles(v.doubles, 0, n);
            case ColumnVector.STRING -> writeStrings(out, v, n);
            default -> {
                for (int i = 0; i < n; i++) {
                    kryo.writeClassAndObject(out, v.objects[i]);
                }
            }
        }
    }

    @Override
    public ColumnVector read(Kryo kryo, Input in, Class<? extends ColumnVector> cls) {
        ColumnVector v = new ColumnVector();
        kryo.reference(v);
        v.type = (DataType) kryo.readClassAndObject(in);
        v.kind = in.readVarInt(true);
        int n = in.readVarInt(true);
        v.size = n;
        if (in.readBoolean()) {
            v.nulls = readBits(in, n);
        }
        switch (v.kind) {
            case ColumnVector.BOOLEAN -> v.booleans = readBits(in, n);
            case ColumnVector.INT -> v.ints = in.readInts(n);
            case ColumnVector.LONG, ColumnVector.DECIMAL -> v.longs = in.readLongs(n);
            case ColumnVector.WIDE_DECIMAL -> {
                v.longs = in.readLongs(n);
                v.highs = in.readLongs(n);
            }
            case ColumnVector.DOUBLE -> v.doubles = in.readDoubles(n);
            case ColumnVector.STRING -> readStrings(in, v, n);
            case ColumnVector.OBJECT -> {
                v.objects = new Object[n];
                for (int i = 0; i < n; i++) {
                    v.objects[i] = kryo.readClassAndObject(in);
                }
            }
            default -> throw new IllegalStateException("unknown column vector kind " + v.kind + " for " + v.type);
        }
        return v;
    }

    private static void writeStrings(Output out, ColumnVector v, int n) {
        for (int i = 0; i < n; i++) {
            out.writeVarInt(v.isNull(i) ? 0 : v.lengths[i], true);
        }
        for (int i = 0; i < n; i++) {
            if (!v.isNull(i)) {
                out.writeBytes(v.bytes, v.offsets[i], v.lengths[i]);
            }
        }
    }

    private static void readStrings(Input in, ColumnVector v, int n) {
        v.offsets = new int[n];
        v.lengths = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            int len = in.readVarInt(true);
            v.offsets[i] = (int) total;
            v.lengths[i] = len;
            total += len;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a serialized string vector claims " + total + " bytes");
        }
        v.bytes = in.readBytes((int) total);
        v.bytesUsed = (int) total;
    }

    private static void writeBits(Output out, boolean[] flags, int n) {
        for (int i = 0; i < n; i += 8) {
            int b = 0;
            for (int k = 0; k < 8 && i + k < n; k++) {
                if (flags[i + k]) {
                    b |= 1 << k;
                }
            }
            out.writeByte(b);
        }
    }

    private static boolean[] readBits(Input in, int n) {
        boolean[] flags = new boolean[n];
        for (int i = 0; i < n; i += 8) {
            int b = in.readByte();
            for (int k = 0; k < 8 && i + k < n; k++) {
                flags[i + k] = (b & (1 << k)) != 0;
            }
        }
        return flags;
    }
}
