package io.ember.dataframe.internal.physical;

import io.ember.actors.internal.memory.MemoryConsumer;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.rdd.internal.shuffle.SpillFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rows written to disk in {@code n} partitions by a hash of their keys, each partition a list of
 * {@link SpillFile} runs of column batches. A second hash (salted by {@code level}) decides the
 * partition, so that a partition written again one level deeper splits further instead of
 * landing whole in one partition.
 *
 * <p>Rows are gathered per partition in memory and written as one run when a partition holds
 * {@code chunkBytes}; that buffer memory is held by {@code owner} (the operator whose rows these
 * are) for as long as rows wait to be written. Owned by the task's thread.
 */
final class PartitionedSpill {
    private final int n;
    private final int level;
    private final long chunkBytes;
    private final MemoryConsumer owner;
    private final OperatorMemory memory;
    private final String prefix;
    private final List<List<SpillFile>> runs = new ArrayList<>();
    private final List<List<ColumnBatch>> pending = new ArrayList<>();
    private final long[] pendingBytes;
    private long memoryBytes;
    private long diskBytes;

    PartitionedSpill(int n, int level, long chunkBytes, MemoryConsumer owner,
                     OperatorMemory memory, String prefix) {
        this.n = n;
        this.level = level;
        this.chunkBytes = chunkBytes;
        this.owner = owner;
        this.memory = memory;
        this.prefix = prefix;
        this.pendingBytes = new long[n];
        for (int p = 0; p < n; p++) {
            runs.add(new ArrayList<>());
            pending.add(new ArrayList<>());
        }
    }

    long chunkBytes() {
        return chunkBytes;
    }

    int partitions() {
        return n;
    }

    /** The partition, at this level, of a row whose keys hash to {@code keyHash}. */
    private int partitionOf(int keyHash) {
        int h = keyHash ^ (0x5bd1e995 * (level + 1));
        h *= 0x9e3779b1;
        h ^= h >>> 15;
        return Math.floorMod(h, n);
    }

    /** Adds the rows of {@code batch}, whose key columns are {@code keys}, to their partitions. */
    void add(ColumnBatch batch, ColumnVector[] keys) {
        if (batch.numRows == 0) {
            return;
        }
        if (n == 1) {
            buffer(0, batch);
            return;
        }
        int[] counts = new int[n];
        int[] part = new int[batch.numRows];
        int[] keyHashes = KeyHashes.hashes(keys, batch.numRows);
        for (int r = 0; r < batch.numRows; r++) {
            part[r] = partitionOf(keyHashes[r]);
            counts[part[r]]++;
        }
        int[][] rows = new int[n][];
        for (int p = 0; p < n; p++) {
            rows[p] = new int[counts[p]];
        }
        int[] fill = new int[n];
        for (int r = 0; r < batch.numRows; r++) {
            rows[part[r]][fill[part[r]]++] = r;
        }
        for (int p = 0; p < n; p++) {
            if (counts[p] > 0) {
                buffer(p, batch.select(rows[p], counts[p]));
            }
        }
    }

    private void buffer(int p, ColumnBatch rows) {
        long bytes = rows.estimatedBytes();
        if (!owner.tryAcquire(bytes)) {
            flushAll();
            owner.acquireOrFail(bytes);
        }
        pending.get(p).add(rows);
        pendingBytes[p] += bytes;
        if (pendingBytes[p] >= chunkBytes) {
            flush(p);
        }
    }

    /** Writes every partition's waiting rows and frees their memory. */
    void flushAll() {
        for (int p = 0; p < n; p++) {
            flush(p);
        }
    }

    private void flush(int p) {
        List<ColumnBatch> rows = pending.get(p);
        if (rows.isEmpty()) {
            return;
        }
        SpillFile run = SpillFile.write(memory.spills().store(), prefix, rows.iterator(), (b, out) -> out.write(b));
        runs.get(p).add(run);
        memory.memory().recordSpill(pendingBytes[p], run.bytes());
        memoryBytes += pendingBytes[p];
        diskBytes += run.bytes();
        owner.freeMemory(pendingBytes[p]);
        pending.set(p, new ArrayList<>());
        pendingBytes[p] = 0;
    }

    /** What was written, for the operator's log line: in-memory and on-disk bytes, partitions, level. */
    String describe() {
        return memoryBytes + " bytes in memory as " + diskBytes + " bytes on disk in " + n + " partitions at level "
                + level;
    }

    /** Whether partition {@code p} has rows (after {@link #flushAll}). */
    boolean hasRows(int p) {
        return !runs.get(p).isEmpty();
    }

    /** Compressed bytes of partition {@code p} on disk. */
    long bytesOf(int p) {
        long bytes = 0;
        for (SpillFile f : runs.get(p)) {
            bytes += f.bytes();
        }
        return bytes;
    }

    /** The batches of partition {@code p}, read lazily run after run (each run deleted once read). */
    Iterator<ColumnBatch> read(int p) {
        List<SpillFile> files = runs.get(p);
        runs.set(p, Collections.emptyList());
        ClassLoader loader = memory.spills().loader();
        Iterator<SpillFile> each = files.iterator();
        return new Iterator<>() {
            private Iterator<ColumnBatch> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!each.hasNext()) {
                        return false;
                    }
                    current = each.next().read(loader);
                }
                return true;
            }

            @Override
            public ColumnBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Deletes partition {@code p}'s runs unread (nothing can come of them). */
    void discard(int p) {
        runs.get(p).forEach(SpillFile::delete);
        runs.set(p, Collections.emptyList());
    }
}
