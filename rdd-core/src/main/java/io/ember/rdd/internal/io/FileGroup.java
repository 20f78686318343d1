package io.ember.rdd.internal.io;

import io.ember.rdd.Partition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A partition of whole files: what {@code wholeTextFiles} and {@code binaryFiles} read. */
record FileGroup(int index, List<String> paths) implements Partition {

    /**
     * The files under {@code root} (see {@link InputFiles#list}) spread in name order over
     * {@code min(minPartitions, number of files)} partitions, at least one.
     */
    static Partition[] spread(String root, int minPartitions) {
        List<Path> files = InputFiles.list(Path.of(root));
        int n = Math.max(1, Math.min(minPartitions, files.size()));
        Partition[] out = new Partition[n];
        for (int i = 0; i < n; i++) {
            List<String> slice = new ArrayList<>();
            for (int f = (int) ((long) i * files.size() / n); f < (long) (i + 1) * files.size() / n; f++) {
                slice.add(files.get(f).toAbsolutePath().toString());
            }
            out[i] = new FileGroup(i, List.copyOf(slice));
        }
        return out;
    }
}
