package io.ember.rdd.storage;

import io.ember.rdd.EmberConf;
import java.util.Locale;

/**
 * The memory settings of an application, read from its configuration when the context starts
 * (a bad value fails there, naming the key).
 *
 * @param storageMemory bytes of each executor's memory tier for cached blocks
 *     ({@value #STORAGE_MEMORY}; default 30% of the heap shared by the executors of this JVM)
 * @param taskMemory bytes one task may hold in a sort or an aggregation before spilling to disk
 *     ({@value #TASK_MEMORY}; default 20% of the heap shared by every task slot of this JVM)
 */
public record StorageSettings(long storageMemory, long taskMemory) {
    /** The key of the memory tier's size per executor, e.g. {@code 512m}. */
    public static final String STORAGE_MEMORY = "ember.storage.memory";
    /** The key of the sort and aggregation memory per task before spilling, e.g. {@code 64m}. */
    public static final String TASK_MEMORY = "ember.shuffle.memory";

    private static final double STORAGE_FRACTION = 0.3;
    private static final double TASK_FRACTION = 0.2;

    /** The settings of {@code conf}, with defaults for {@code executors} executors of {@code cores} slots in this JVM. */
    public static StorageSettings from(EmberConf conf, int executors, int cores) {
        long heap = Runtime.getRuntime().maxMemory();
        long storage = conf.get(STORAGE_MEMORY).map(v -> parseSize(STORAGE_MEMORY, v))
                .getOrElse(() -> (long) (heap * STORAGE_FRACTION / Math.max(1, executors)));
        long task = conf.get(TASK_MEMORY).map(v -> parseSize(TASK_MEMORY, v))
                .getOrElse(() -> (long) (heap * TASK_FRACTION / Math.max(1, executors * cores)));
        return new StorageSettings(storage, Math.max(1024 * 1024, task));
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
