package io.ember.rdd.internal.io;

import io.ember.rdd.RDD;

/** {@code saveAsObjectFile}: one {@code part-NNNNN} Kryo record file per partition, committed atomically. */
public final class ObjectOutput {
    private ObjectOutput() {
    }

    /** Writes {@code rdd}'s elements under {@code path}; see {@link RDD#saveAsObjectFile(String)}. */
    public static <T> void save(RDD<T> rdd, String path, boolean overwrite) {
        ObjectFiles.write(rdd, path, overwrite);
    }
}
