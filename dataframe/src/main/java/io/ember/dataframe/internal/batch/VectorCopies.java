package io.ember.dataframe.internal.batch;

import static io.ember.dataframe.internal.batch.ColumnVector.BOOLEAN;
import static io.ember.dataframe.internal.batch.ColumnVector.DECIMAL;
import static io.ember.dataframe.internal.batch.ColumnVector.DOUBLE;
import static io.ember.dataframe.internal.batch.ColumnVector.INT;
import static io.ember.dataframe.internal.batch.ColumnVector.LONG;
import static io.ember.dataframe.internal.batch.ColumnVector.STRING;
import static io.ember.dataframe.internal.batch.ColumnVector.WIDE_DECIMAL;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DecimalType;
import java.util.Arrays;
import java.util.List;

/**
 * The copies behind {@link ColumnVector#select}, {@link ColumnVector#slice} and
 * {@link ColumnVector#concat}: primitive arrays copied by range or gathered by index, strings
 * through {@link StringVectors}; the result owns its arrays.
 */
final class VectorCopies {
    private VectorCopies() {
    }

    /**
     * The values at {@code idx[0..n)}, in that order; an index of -1 gives a null (used for
     * the missing side of outer joins).
     */
    static ColumnVector select(ColumnVector src, int[] idx, int n) {
        ColumnVector out = src.kind == STRING ? StringVectors.select(src, idx, n) : ColumnVector.allocate(src.type, n);
        out.size = n;
        boolean[] outNulls = null;
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            if (i < 0 || src.isNull(i)) {
                if (outNulls == null) {
                    outNulls = new boolean[n];
                }
                outNulls[k] = true;
                continue;
            }
            switch (src.kind) {
                case BOOLEAN -> out.booleans[k] = src.booleans[i];
                case INT -> out.ints[k] = src.ints[i];
                case LONG, DECIMAL -> out.longs[k] = src.longs[i];
                case WIDE_DECIMAL -> {
                    out.longs[k] = src.longs[i];
                    out.highs[k] = src.highs[i];
                }
                case DOUBLE -> out.doubles[k] = src.doubles[i];
                case STRING -> {
                    // StringVectors.select has set the values.
                }
                default -> out.objects[k] = src.objects[i];
            }
        }
        out.nulls = outNulls;
        return out;
    }

    /** Values {@code [from, to)}. */
    static ColumnVector slice(ColumnVector src, int from, int to) {
        int n = to - from;
        ColumnVector out = src.kind == STRING ? StringVectors.slice(src, from, to)
                : ColumnVector.wrap(src.type, src.kind, null, n);
        switch (src.kind) {
            case BOOLEAN -> out.booleans = Arrays.copyOfRange(src.booleans, from, to);
            case INT -> out.ints = Arrays.copyOfRange(src.ints, from, to);
            case LONG, DECIMAL -> out.longs = Arrays.copyOfRange(src.longs, from, to);
            case WIDE_DECIMAL -> {
                out.longs = Arrays.copyOfRange(src.longs, from, to);
                out.highs = Arrays.copyOfRange(src.highs, from, to);
            }
            case DOUBLE -> out.doubles = Arrays.copyOfRange(src.doubles, from, to);
            case STRING -> {
                // StringVectors.slice has copied the values.
            }
            default -> out.objects = Arrays.copyOfRange(src.objects, from, to);
        }
        if (src.nulls != null) {
            out.nulls = Arrays.copyOfRange(src.nulls, from, to);
        }
        return out;
    }

    /** The values of {@code parts}, one after the other. */
    static ColumnVector concat(DataType type, List<ColumnVector> parts) {
        int n = 0;
        boolean sameKind = true;
        int kind = ColumnVector.kindOf(type);
        for (ColumnVector p : parts) {
            n += p.size;
            // Wide decimals of another scale are converted value by value.
            sameKind &= p.kind == kind && (kind != WIDE_DECIMAL || p.scale() == ((DecimalType) type).scale());
        }
        if (!sameKind) {
            return concatConverting(type, parts, n);
        }
        ColumnVector out = ColumnVector.kindOf(type) == STRING ? StringVectors.concat(type, parts, n)
                : ColumnVector.allocate(type, n);
        int at = 0;
        for (ColumnVector p : parts) {
            switch (out.kind) {
                case BOOLEAN -> System.arraycopy(p.booleans, 0, out.booleans, at, p.size);
                case INT -> System.arraycopy(p.ints, 0, out.ints, at, p.size);
                case LONG -> System.arraycopy(p.longs, 0, out.longs, at, p.size);
                case DECIMAL -> copyDecimals(p, out, at);
                case WIDE_DECIMAL -> {
                    System.arraycopy(p.longs, 0, out.longs, at, p.size);
                    System.arraycopy(p.highs, 0, out.highs, at, p.size);
                }
                case DOUBLE -> System.arraycopy(p.doubles, 0, out.doubles, at, p.size);
                case STRING -> {
                    // StringVectors.concat has copied the bytes.
                }
                default -> System.arraycopy(p.objects, 0, out.objects, at, p.size);
            }
            if (p.nulls != null) {
                if (out.nulls == null) {
                    out.nulls = new boolean[n];
                }
                System.arraycopy(p.nulls, 0, out.nulls, at, p.size);
            }
            at += p.size;
        }
        out.size = n;
        return out;
    }

    /** Concatenation through internal values, for parts laid out differently (a void column among strings). */
    private static ColumnVector concatConverting(DataType type, List<ColumnVector> parts, int n) {
        ColumnVector out = ColumnVector.allocate(type, n);
        for (ColumnVector p : parts) {
            for (int i = 0; i < p.size; i++) {
                out.append(p.get(i));
            }
        }
        return out;
    }

    private static void copyDecimals(ColumnVector p, ColumnVector out, int at) {
        if (p.kind == DECIMAL && p.scale() == out.scale()) {
            System.arraycopy(p.longs, 0, out.longs, at, p.size);
            return;
        }
        DecimalType t = (DecimalType) out.type;
        for (int i = 0; i < p.size; i++) {
            if (!p.isNull(i)) {
                out.longs[at + i] = Decimals.unscaledOf(p.getDecimal(i), t);
            }
        }
    }
}
