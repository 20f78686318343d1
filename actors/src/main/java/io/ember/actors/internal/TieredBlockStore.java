package io.ember.actors.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.ember.actors.internal.spi.BlockId;
import io.ember.actors.internal.spi.BlockStatus;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.DiskBlockWriter;
import io.ember.actors.internal.spi.MemoryBlock;
import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.StorageEvictor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes
 * ------------
 * One executor's BlockStore, in three places, each a thread-safe map owned by this object:
 *  - pinned: a ConcurrentHashMap of byte arrays (never evicted), counted in pinnedBytes;
 *  - memory: a Caffeine cache whose blocks hold storage memory of the executor's MemoryManager
 *    (acquired before a block goes in, released by the removal listener whatever removed it),
 *    optionally also bounded by weight (ember.storage.memory, a cap). When the region refuses a
 *    new block, this store evicts its own coldest blocks first; when execution needs memory, the
 *    MemoryManager calls evictStorage (this store is one of its StorageEvictors), which moves the
 *    coldest blocks to disk or drops them by their storage level. Its eviction listener runs on the
 *    thread that caused the eviction (executor(Runnable::run)), atomically with the removal,
 *    and writes a block that asks for it to disk before it disappears, so a reader never finds
 *    a MEMORY_AND_DISK block in neither tier. cleanUp() after every insert makes the bound
 *    hold when cache() returns instead of at some later maintenance cycle. Caffeine's W-TinyLFU
 *    may reject the block just inserted: callers must not assume a cached block is in memory;
 *  - disk: files under localDir, indexed by a ConcurrentHashMap. Every write goes to a file of
 *    its own (name plus a sequence number) that is swapped into the index when complete, so
 *    concurrent writers of one block never clobber each other's file; the replaced file is
 *    deleted. A file becomes the block only on its writer's explicit commit(): closing it
 *    (try-with-resources while an exception unwinds) publishes nothing, abort() deletes it.
 *
 * Status changes of cached and broadcast blocks are queued for drainUpdates(), which the task
 * runner empties into each task's report: that is how the driver learns of evictions.
 *
 * capacity and localDir are volatile, set by configure(); directories ever used are remembered
 * so that clear() removes all of them. Array values are stored and returned without copying:
 * blocks are immutable by convention.
 */
final class TieredBlockStore implements BlockStore {
    private static final Logger LOG = LoggerFactory.getLogger(TieredBlockStore.class);

    /** How many of the coldest blocks are considered for one eviction. */
    private static final int COLDEST_LOOKED_AT = 64;

    private final String executorId;
    private final MemoryManager region;
    private final StorageEvictor evictor = this::evictStorage;
    private final Map<BlockId, byte[]> pinned = new ConcurrentHashMap<>();
    private final AtomicLong pinnedBytes = new AtomicLong();
    private final Cache<BlockId, MemoryBlock> memory;
    private final Map<BlockId, DiskFile> disk = new ConcurrentHashMap<>();
    private final Queue<BlockStatus> updates = new ConcurrentLinkedQueue<>();
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();
    private final AtomicLong fileSequence = new AtomicLong();
    private volatile long capacity;
    private volatile Path localDir;

    private record DiskFile(Path path, long size) {
    }

    /** A store whose memory tier takes storage memory from {@code region} (until configured, with no cap of its own). */
    TieredBlockStore(String executorId, MemoryManager region) {
        this.executorId = executorId;
        this.region = Objects.requireNonNull(region, "region is null");
        this.capacity = Long.MAX_VALUE;
        this.memory = Caffeine.newBuilder()
                .maximumWeight(capacity)
                .weigher((BlockId id, MemoryBlock block) -> (int) Math.min(Integer.MAX_VALUE, block.sizeInBytes()))
                .executor(Runnable::run)
                .evictionListener(this::onEvicted)
                .removalListener((BlockId id, MemoryBlock block, RemovalCause cause) -> {
                    if (block != null) {
                        region.releaseStorage(block.sizeInBytes());
                    }
                })
                .build();
        region.addStorageEvictor(evictor);
    }

    // ---- pinned -----------------------------------------------------------------------------

    @Override
    public void put(BlockId id, byte[] bytes) {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(bytes, "bytes is null");
        byte[] previous = pinned.put(id, bytes);
        pinnedBytes.addAndGet(bytes.length - (previous == null ? 0 : previous.length));
        recordUpdate(id);
    }

    @Override
    public Optional<byte[]> get(BlockId id) {
        Objects.requireNonNull(id, "id is null");
        byte[] bytes = pinned.get(id);
        if (bytes != null) {
            return Optional.of(bytes);
        }
        MemoryBlock block = memory.getIfPresent(id);
        if (block != null) {
            if (block.value() instanceof byte[] raw && !block.spillToDisk()) {
                return Optional.of(raw);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                block.writer().write(block.value(), out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot serialize block " + id.name(), e);
            }
            return Optional.of(out.toByteArray());
        }
        DiskFile file = disk.get(id);
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.path()));
        } catch (IOException e) {
            return Optional.empty(); // why: removed between the lookup and the read
        }
    }

    // ---- memory tier --------------------------------------------------------------------------

    @Override
    public boolean cache(BlockId id, MemoryBlock block) {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(block, "block is null");
        deleteFile(disk.remove(id));
        memory.invalidate(id);
        if (block.sizeInBytes() > capacity || !reserveStorage(id, block.sizeInBytes())) {
            if (block.spillToDisk()) {
                spill(id, block);
            }
        } else {
            memory.put(id, block);
            memory.cleanUp();
        }
        recordUpdate(id);
        return status(id).isStored();
    }

    /**
     * Takes {@code bytes} of storage memory for block {@code id}, evicting this store's own
     * coldest blocks while the region refuses; false if even that does not make room (execution
     * holds the rest, or the block is larger than the region).
     */
    private boolean reserveStorage(BlockId id, long bytes) {
        if (bytes > region.maxMemory()) {
            return false;
        }
        while (!region.acquireStorage(bytes)) {
            if (evictColdest(other -> !other.equals(id), size -> true) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Frees up to {@code bytes} of storage memory for execution, coldest blocks first, each moved
     * to disk or dropped by its storage level, but never a block whose leaving would take storage
     * below the region's floor (blocks are evicted whole); the bytes freed.
     */
    private long evictStorage(long bytes) {
        long freed = 0;
        while (freed < bytes) {
            long evicted = evictColdest(id -> true, size -> region.storageUsed() - size >= region.storageFloor());
            if (evicted == 0) {
                break;
            }
            freed += Math.max(0, evicted);
        }
        return freed;
    }

    /**
     * Evicts the coldest block that {@code candidate} and {@code affordable} (its size) accept:
     * its size; 0 if there is none; -1 if a concurrent change took the block first (try again).
     */
    private long evictColdest(Predicate<BlockId> candidate, LongPredicate affordable) {
        var eviction = memory.policy().eviction().orElseThrow();
        for (Map.Entry<BlockId, MemoryBlock> coldest : eviction.coldest(COLDEST_LOOKED_AT).entrySet()) {
            BlockId id = coldest.getKey();
            MemoryBlock block = coldest.getValue();
            if (!candidate.test(id) || !affordable.test(block.sizeInBytes())) {
                continue;
            }
            if (block.spillToDisk()) {
                spill(id, block);
            }
            // why a remove that may fail: a concurrent cache() or remove() of the block won, and its own
            // bookkeeping holds; a disk copy just written is of the same block, computed deterministically
            if (!memory.asMap().remove(id, block)) {
                return -1;
            }
            recordUpdate(id);
            return Math.max(1, block.sizeInBytes());
        }
        return 0;
    }

    @Override
    public Optional<Object> getCached(BlockId id) {
        Objects.requireNonNull(id, "id is null");
        MemoryBlock block = memory.getIfPresent(id);
        return block == null ? Optional.empty() : Optional.of(block.value());
    }

    private void onEvicted(BlockId id, MemoryBlock block, RemovalCause cause) {
        if (id == null || block == null || !cause.wasEvicted()) {
            return;
        }
        if (block.spillToDisk()) {
            spill(id, block);
        }
        recordUpdate(id);
    }

    private void spill(BlockId id, MemoryBlock block) {
        DiskBlockWriter out = writeToDisk(id);
        try {
            block.writer().write(block.value(), out);
            out.commit();
        } catch (IOException | RuntimeException e) {
            // why: a block that cannot be written is lost like a MEMORY_ONLY one, and recomputed
            LOG.warn("Executor {} could not spill block {} to disk; it is dropped", executorId, id.name(), e);
        } finally {
            out.abort();
        }
    }

    // ---- disk tier ------------------------------------------------------------------------------

    @Override
    public DiskBlockWriter writeToDisk(BlockId id) {
        Objects.requireNonNull(id, "id is null");
        Path target = directory().resolve(subdirectory(id)).resolve(id.name() + "." + fileSequence.incrementAndGet());
        try {
            Files.createDirectories(target.getParent());
            return new PendingDiskFile(id, target, Files.newOutputStream(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Executor " + executorId + " cannot create " + target, e);
        }
    }

    /** A disk block's file, private until committed into the index (see {@link DiskBlockWriter}). */
    private final class PendingDiskFile extends DiskBlockWriter {
        private final BlockId id;
        private final Path file;
        private final OutputStream out;
        private long written;
        private boolean closed;
        private boolean committed;
        private boolean aborted;

        PendingDiskFile(BlockId id, Path file, OutputStream out) {
            this.id = id;
            this.file = file;
            this.out = out;
        }

        @Override
        public BlockId blockId() {
            return id;
        }

        @Override
        public long bytesWritten() {
            return written;
        }

        @Override
        public void write(int b) throws IOException {
            ensureWritable();
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureWritable();
            out.write(b, off, len);
            written += len;
        }

        @Override
        public void flush() throws IOException {
            if (!closed) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }

        @Override
        public void commit() throws IOException {
            if (aborted) {
                throw new IllegalStateException("block " + id.name() + " was aborted and cannot be committed");
            }
            if (!committed) {
                close();
                commitFile(id, file);
                committed = true;
            }
        }

        @Override
        public void abort() {
            if (committed || aborted) {
                return;
            }
            aborted = true;
            try {
                close();
            } catch (IOException e) {
                // why: the file is deleted next; what failed to flush into it does not matter
            }
            deleteFile(new DiskFile(file, written));
        }

        @Override
        public InputStream openWritten() throws IOException {
            if (!closed || aborted) {
                throw new IllegalStateException("block " + id.name() + " can be read back only once written and not aborted");
            }
            return Files.newInputStream(file);
        }

        private void ensureWritable() throws IOException {
            if (closed) {
                throw new IOException("block " + id.name() + " is already closed for writing");
            }
        }
    }

    private void commitFile(BlockId id, Path file) throws IOException {
        DiskFile previous = disk.put(id, new DiskFile(file, Files.size(file)));
        if (previous != null && !previous.path().equals(file)) {
            deleteFile(previous);
        }
        recordUpdate(id);
    }

    @Override
    public Optional<InputStream> readFromDisk(BlockId id) {
        Objects.requireNonNull(id, "id is null");
        DiskFile file = disk.get(id);
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file.path()));
        } catch (IOException e) {
            return Optional.empty(); // why: removed between the lookup and the open
        }
    }

    @Override
    public Path scratchFile(String prefix) {
        Path dir = directory().resolve("scratch");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Executor " + executorId + " cannot create " + dir, e);
        }
        return dir.resolve(prefix + "-" + fileSequence.incrementAndGet());
    }

    // ---- removal, status, configuration ---------------------------------------------------------

    @Override
    public void remove(BlockId id) {
        Objects.requireNonNull(id, "id is null");
        byte[] previous = pinned.remove(id);
        if (previous != null) {
            pinnedBytes.addAndGet(-previous.length);
        }
        memory.invalidate(id);
        deleteFile(disk.remove(id));
        recordUpdate(id);
    }

    @Override
    public void removeShuffle(int shuffleId) {
        removeMatching(id -> id instanceof BlockId.ShuffleBlock s && s.shuffleId() == shuffleId);
    }

    @Override
    public void removeRdd(int rddId) {
        removeMatching(id -> id instanceof BlockId.RddBlock r && r.rddId() == rddId);
    }

    @Override
    public long sizeInBytes() {
        long cached = memory.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        return pinnedBytes.get() + cached;
    }

    @Override
    public BlockStatus status(BlockId id) {
        byte[] bytes = pinned.get(id);
        MemoryBlock block = memory.getIfPresent(id);
        long inMemory = (bytes == null ? 0 : Math.max(1, bytes.length)) + (block == null ? 0 : block.sizeInBytes());
        DiskFile file = disk.get(id);
        return new BlockStatus(executorId, id, inMemory, file == null ? 0 : Math.max(1, file.size()));
    }

    @Override
    public List<BlockStatus> drainUpdates() {
        List<BlockStatus> drained = new ArrayList<>();
        for (BlockStatus s = updates.poll(); s != null; s = updates.poll()) {
            drained.add(s);
        }
        return drained;
    }

    @Override
    public void configure(long memoryCapacityBytes, Path dir) {
        if (memoryCapacityBytes < 0) {
            throw new IllegalArgumentException("memory capacity must not be negative, was " + memoryCapacityBytes);
        }
        this.localDir = Objects.requireNonNull(dir, "dir is null");
        this.capacity = memoryCapacityBytes;
        memory.policy().eviction().ifPresent(e -> e.setMaximum(memoryCapacityBytes));
        memory.cleanUp();
    }

    /** Drops every block and deletes every directory this store used; called when its executor stops. */
    void clear() {
        region.removeStorageEvictor(evictor);
        pinned.clear();
        pinnedBytes.set(0);
        memory.invalidateAll();
        disk.clear();
        updates.clear();
        for (Path dir : directories) {
            deleteRecursively(dir);
        }
    }

    private void removeMatching(Predicate<BlockId> doomed) {
        Set<BlockId> ids = ConcurrentHashMap.newKeySet();
        ids.addAll(pinned.keySet());
        ids.addAll(memory.asMap().keySet());
        ids.addAll(disk.keySet());
        for (BlockId id : ids) {
            if (doomed.test(id)) {
                remove(id);
            }
        }
    }

    private void recordUpdate(BlockId id) {
        if (!(id instanceof BlockId.ShuffleBlock)) {
            updates.add(status(id));
        }
    }

    private Path directory() {
        Path dir = localDir;
        if (dir == null) {
            synchronized (directories) {
                dir = localDir;
                if (dir == null) {
                    try {
                        dir = Files.createTempDirectory("ember-" + executorId + "-");
                    } catch (IOException e) {
                        throw new UncheckedIOException("Executor " + executorId + " cannot create a local directory", e);
                    }
                    localDir = dir;
                }
            }
        }
        directories.add(dir);
        return dir;
    }

    /** Two hex digits of the name's hash: spreads thousands of shuffle files over 256 directories. */
    private static String subdirectory(BlockId id) {
        return String.format("%02x", id.name().hashCode() & 0xff);
    }

    private static void deleteFile(DiskFile file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                // why: the directory goes away with the store; a leftover file cannot be read by mistake
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the block directory {}", root, e);
        }
    }
}
