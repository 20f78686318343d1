package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Helpers over sequences of batches. */
public final class Batches {
    private Batches() {
    }

    /** {@code b} cut into batches of at most {@code size} rows. */
    static List<ColumnBatch> split(ColumnBatch b, int size) {
        List<ColumnBatch> out = new ArrayList<>();
        if (b.numRows <= size) {
            out.add(b);
            return out;
        }
        for (int from = 0; from < b.numRows; from += size) {
            out.add(b.slice(from, Math.min(b.numRows, from + size)));
        }
        return out;
    }

    /** Every batch of {@code it} as one batch (an empty one if none). */
    static ColumnBatch drain(Iterator<ColumnBatch> it, List<DataType> types) {
        List<ColumnBatch> all = new ArrayList<>();
        while (it.hasNext()) {
            ColumnBatch b = it.next();
            if (b.numRows > 0 || all.isEmpty()) {
                all.add(b);
            }
        }
        if (all.isEmpty()) {
            return ColumnBatch.empty(types);
        }
        if (all.size() > 1 && all.get(0).numRows == 0) {
            all.remove(0);
        }
        return ColumnBatch.concat(types, all);
    }

    /** The first {@code n} rows of {@code it}. */
    public static Iterator<ColumnBatch> limit(Iterator<ColumnBatch> it, int n) {
        return new Iterator<>() {
            int left = n;

            @Override
            public boolean hasNext() {
                return left > 0 && it.hasNext();
            }

            @Override
            public ColumnBatch next() {
                ColumnBatch b = it.next().limit(left);
                left -= b.numRows;
                return b;
            }
        };
    }
}
