package io.ember.dataframe.internal.physical.spill;

import io.ember.actors.internal.spi.BlockStore;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.rdd.internal.shuffle.SpillContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Batches of (key long, seq long, text string), an ordering on the key, and a scratch directory for spills. */
final class SpillTestSupport {
    static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.LongType, DataTypes.StringType);

    private SpillTestSupport() {
    }

    /** Rows {@code seq0 ..} with keys {@code keys}: the text names the sequence number. */
    static ColumnBatch batch(long[] keys, long seq0) {
        int n = keys.length;
        long[] seq = new long[n];
        ColumnVector text = ColumnVector.allocate(DataTypes.StringType, n);
        for (int i = 0; i < n; i++) {
            seq[i] = seq0 + i;
            byte[] b = ("row-" + (seq0 + i) + "-padding-to-make-it-longer").getBytes(StandardCharsets.UTF_8);
            text.appendUtf8(b, 0, b.length);
        }
        return new ColumnBatch(new ColumnVector[] {ColumnVector.ofLongs(DataTypes.LongType, keys.clone(), null, n),
            ColumnVector.ofLongs(DataTypes.LongType, seq, null, n), text}, n);
    }

    /** Ascending on column 0, stable (the sort of an index array by a stable comparator). */
    static final class ByKey implements BatchOrdering {
        private static final long serialVersionUID = 1L;

        @Override
        public ColumnVector[] evalKeys(ColumnBatch batch) {
            return new ColumnVector[] {batch.column(0)};
        }

        @Override
        public int compare(ColumnVector[] a, int i, ColumnVector[] b, int j) {
            return Long.compare((Long) a[0].get(i), (Long) b[0].get(j));
        }

        @Override
        public ColumnBatch sort(ColumnBatch batch) {
            ColumnVector[] keys = evalKeys(batch);
            Integer[] idx = new Integer[batch.numRows];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, (x, y) -> compare(keys, x, keys, y));
            int[] order = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                order[i] = idx[i];
            }
            return batch.select(order, order.length);
        }
    }

    /** A spill context writing scratch files into {@code dir}; only {@code scratchFile} is available. */
    static SpillContext spillInto(Path dir) {
        BlockStore store = (BlockStore) Proxy.newProxyInstance(SpillTestSupport.class.getClassLoader(),
                new Class<?>[] {BlockStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("scratchFile")) {
                        return Files.createTempFile(dir, (String) args[0], ".spill");
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not used by spills");
                });
        return new SpillContext(store, SpillTestSupport.class.getClassLoader(), Long.MAX_VALUE);
    }

    /** The files left in {@code dir}. */
    static long filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
