package io.ember.rdd.internal.storage;

import io.ember.actors.internal.memory.MemoryManager;
import io.ember.rdd.EmberConf;
import java.util.Locale;

/**
 * The memory settings of an application, read from its configuration when the context starts
 * (a bad value fails there, naming the key).
 *
 * <p>Each executor has one region of memory that running operators and cached blocks share, as
 * Spark's unified memory manager: {@value MemoryManager#FRACTION} of its heap (after a reserve),
 * of which cached blocks keep {@value MemoryManager#STORAGE_FRACTION} however much operators ask.
 * The two older size settings remain as caps inside that region, unset by default.
 *
 * @param storageMemory the most bytes each executor's memory tier holds ({@value #STORAGE_MEMORY});
 *     {@link Long#MAX_VALUE} when unset: only the region bounds it
 * @param taskMemory the most bytes one RDD sort or aggregation of a task buffers before spilling
 *     ({@value #TASK_MEMORY}); {@link Long#MAX_VALUE} when unset: it spills when the region refuses
 * @param memoryFraction {@value MemoryManager#FRACTION}, in (0, 1]
 * @param storageFraction {@value MemoryManager#STORAGE_FRACTION}, in [0, 1]
 */
public record StorageSettings(long storageMemory, long taskMemory, double memoryFraction, double storageFraction) {
    /** The key of a cap on each executor's memory tier, e.g. {@code 512m}. */
    public static final String STORAGE_MEMORY = "ember.storage.memory";
    /** The key of a cap on what one RDD sort or aggregation buffers before spilling, e.g. {@code 64m}. */
    public static final String TASK_MEMORY = "ember.shuffle.memory";

    /** The settings of {@code conf}. */
    public static StorageSettings from(EmberConf conf) {
        long storage = conf.get(STORAGE_MEMORY).map(v -> parseSize(STORAGE_MEMORY, v)).getOrElse(Long.MAX_VALUE);
        long task = conf.get(TASK_MEMORY).map(v -> parseSize(TASK_MEMORY, v)).getOrElse(Long.MAX_VALUE);
        task = Math.max(1024 * 1024, task); // why: below one chunk of execution memory a sort spills every few records
        double fraction = conf.get(MemoryManager.FRACTION).map(v -> parseFraction(MemoryManager.FRACTION, v, false))
                .getOrElse(MemoryManager.DEFAULT_FRACTION);
        double storageFraction = conf.get(MemoryManager.STORAGE_FRACTION)
                .map(v -> parseFraction(MemoryManager.STORAGE_FRACTION, v, true))
                .getOrElse(MemoryManager.DEFAULT_STORAGE_FRACTION);
        return new StorageSettings(storage, task, fraction, storageFraction);
    }

    /**
     * A fraction in (0, 1], or [0, 1] if {@code zeroAllowed}.
     *
     * @throws IllegalArgumentException naming {@code key} if the value is not such a number
     */
    static double parseFraction(String key, String value, boolean zeroAllowed) {
        String range = zeroAllowed ? "between 0 and 1" : "greater than 0 and at most 1";
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a number " + range + ", got '" + value + "'");
        }
        if (!(d >= 0 && d <= 1) || (d == 0 && !zeroAllowed)) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a number " + range + ", got '" + value + "'");
        }
        return d;
    }

    /**
     * Bytes in {@code value}: a number with an optional unit {@code k}, {@code m} or {@code g}
     * (powers of 1024).
     *
     * @throws IllegalArgumentException naming {@code key} if the value is not such a size
     */
    public static long parseSize(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("b")) {
            v = v.substring(0, v.length() - 1);
        }
        if (!v.isEmpty() && "kmg".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmg".indexOf(v.charAt(v.length() - 1)) + 1));
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a size such as 1048576, 512k, 64m or 2g, got '"
                    + value + "'");
        }
    }
}
