package io.ember.rdd;

import java.io.Serializable;

/**
 * Where {@link RDD#persist(StorageLevel)} keeps an RDD's partitions on the executors that
 * computed them, as in Spark.
 *
 * <ul>
 *   <li>{@link #MEMORY_ONLY}: deserialized objects in memory; a partition that does not fit, or
 *       is evicted later, is recomputed from lineage when it is next needed.</li>
 *   <li>{@link #MEMORY_ONLY_SER}: serialized bytes in memory (smaller, slower to read).</li>
 *   <li>{@link #MEMORY_AND_DISK}: objects in memory; what does not fit or is evicted goes to local disk.</li>
 *   <li>{@link #MEMORY_AND_DISK_SER}: serialized bytes in memory, the overflow on disk.</li>
 *   <li>{@link #DISK_ONLY}: serialized bytes on local disk only.</li>
 * </ul>
 *
 * <p>Memory is bounded per executor by {@code ember.storage.memory}; disk blocks live under a
 * local directory of the application that is deleted when the context closes. Immutable.
 */
public final class StorageLevel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Not persisted. */
    public static final StorageLevel NONE = new StorageLevel("NONE", false, false, false);
    /** Deserialized in memory; evicted partitions are recomputed. */
    public static final StorageLevel MEMORY_ONLY = new StorageLevel("MEMORY_ONLY", true, false, true);
    /** Serialized in memory; evicted partitions are recomputed. */
    public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel("MEMORY_ONLY_SER", true, false, false);
    /** Deserialized in memory, spilling to disk. */
    public static final StorageLevel MEMORY_AND_DISK = new StorageLevel("MEMORY_AND_DISK", true, true, true);
    /** Serialized in memory, spilling to disk. */
    public static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel("MEMORY_AND_DISK_SER", true, true, false);
    /** Serialized on local disk. */
    public static final StorageLevel DISK_ONLY = new StorageLevel("DISK_ONLY", false, true, false);

    private final String name;
    private final boolean useMemory;
    private final boolean useDisk;
    private final boolean deserialized;

    private StorageLevel(String name, boolean useMemory, boolean useDisk, boolean deserialized) {
        this.name = name;
        this.useMemory = useMemory;
        this.useDisk = useDisk;
        this.deserialized = deserialized;
    }

    /** The level named as the constants are, e.g. {@code "MEMORY_AND_DISK"}. */
    public static StorageLevel fromString(String name) {
        for (StorageLevel level : new StorageLevel[] {NONE, MEMORY_ONLY, MEMORY_ONLY_SER, MEMORY_AND_DISK,
                MEMORY_AND_DISK_SER, DISK_ONLY}) {
            if (level.name.equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown storage level '" + name + "': expected NONE, MEMORY_ONLY, "
                + "MEMORY_ONLY_SER, MEMORY_AND_DISK, MEMORY_AND_DISK_SER or DISK_ONLY");
    }

    /** Whether partitions are kept in memory. */
    public boolean useMemory() {
        return useMemory;
    }

    /** Whether partitions may be kept on local disk. */
    public boolean useDisk() {
        return useDisk;
    }

    /** Whether in-memory partitions are kept as objects rather than bytes. */
    public boolean deserialized() {
        return deserialized;
    }

    /** Whether this level stores anything. */
    public boolean isValid() {
        return useMemory || useDisk;
    }

    /** Spark's description, e.g. {@code Memory Deserialized 1x Replicated}, as shown by {@code toDebugString()}. */
    public String description() {
        if (!isValid()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (useDisk) {
            out.append("Disk ");
        }
        if (useMemory) {
            out.append("Memory ");
        }
        out.append(deserialized ? "Deserialized " : "Serialized ");
        return out.append("1x Replicated").toString();
    }

    /** Keeps the constants unique through Java serialization. */
    private Object readResolve() {
        return fromString(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageLevel other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
