package io.ember.dataframe.internal.batch;

import static io.ember.dataframe.internal.batch.ColumnVector.BOOLEAN;
import static io.ember.dataframe.internal.batch.ColumnVector.DECIMAL;
import static io.ember.dataframe.internal.batch.ColumnVector.DOUBLE;
import static io.ember.dataframe.internal.batch.ColumnVector.INT;
import static io.ember.dataframe.internal.batch.ColumnVector.LONG;
import static io.ember.dataframe.internal.batch.ColumnVector.STRING;
import static io.ember.dataframe.internal.batch.ColumnVector.WIDE_DECIMAL;

import io.ember.dataframe.types.DataType;

/**
 * The copy behind {@link ColumnVector#gather}: values picked from several vectors of one type
 * (the batches a sort or a merge draws from) into one new vector, a column at a time, with one
 * loop per physical kind instead of a dispatch per value.
 */
final class VectorGather {
    private VectorGather() {
    }

    /** Value {@code rows[k]} of {@code sources[k]} for each {@code k < n}. */
    static ColumnVector gather(DataType type, ColumnVector[] sources, int[] rows, int n) {
        int kind = ColumnVector.kindOf(type);
        for (int k = 0; k < n; k++) {
            if (sources[k].kind != kind
                    || (kind == DECIMAL || kind == WIDE_DECIMAL) && sources[k].scale() != sources[0].scale()) {
                return converting(type, sources, rows, n);
            }
        }
        ColumnVector out = kind == STRING ? StringVectors.shell(type, n) : ColumnVector.allocate(type, n);
        boolean[] nulls = null;
        for (int k = 0; k < n; k++) {
            if (sources[k].isNull(rows[k])) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[k] = true;
            }
        }
        switch (kind) {
            case BOOLEAN -> {
                for (int k = 0; k < n; k++) {
                    out.booleans[k] = sources[k].booleans[rows[k]];
                }
            }
            case INT -> {
                for (int k = 0; k < n; k++) {
                    out.ints[k] = sources[k].ints[rows[k]];
                }
            }
            case LONG, DECIMAL -> {
                for (int k = 0; k < n; k++) {
                    out.longs[k] = sources[k].longs[rows[k]];
                }
            }
            case WIDE_DECIMAL -> {
                for (int k = 0; k < n; k++) {
                    out.longs[k] = sources[k].longs[rows[k]];
                    out.highs[k] = sources[k].highs[rows[k]];
                }
            }
            case DOUBLE -> {
                for (int k = 0; k < n; k++) {
                    out.doubles[k] = sources[k].doubles[rows[k]];
                }
            }
            case STRING -> strings(out, sources, rows, nulls, n);
            default -> {
                for (int k = 0; k < n; k++) {
                    out.objects[k] = sources[k].objects[rows[k]];
                }
            }
        }
        out.nulls = nulls;
        out.size = n;
        return out;
    }

    /** Copies the strings' bytes compactly (null rows get length 0, as select gives them). */
    private static void strings(ColumnVector out, ColumnVector[] sources, int[] rows, boolean[] nulls, int n) {
        long total = 0;
        for (int k = 0; k < n; k++) {
            if (nulls == null || !nulls[k]) {
                total += sources[k].lengths[rows[k]];
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a string vector cannot hold more than 2 GB of bytes ("
                    + out.type.typeName() + ")");
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (int k = 0; k < n; k++) {
            out.offsets[k] = at;
            if (nulls != null && nulls[k]) {
                continue;
            }
            ColumnVector src = sources[k];
            int i = rows[k];
            int len = src.lengths[i];
            System.arraycopy(src.bytes, src.offsets[i], bytes, at, len);
            out.lengths[k] = len;
            at += len;
        }
        out.bytes = bytes;
        out.bytesUsed = at;
    }

    /** Through {@link ColumnVector#appendFrom}, for sources laid out unlike the type (a void column among strings). */
    private static ColumnVector converting(DataType type, ColumnVector[] sources, int[] rows, int n) {
        ColumnVector out = ColumnVector.allocate(type, n);
        for (int k = 0; k < n; k++) {
            out.appendFrom(sources[k], rows[k]);
        }
        return out;
    }
}
