package io.ember.dataframe.internal.io;

import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.util.List;

/**
 * What every file source over a {@link FileIndex} shares: its schema is the data columns followed
 * by the index's partition columns, and its size and paths are the index's.
 */
public abstract class IndexedFileSource implements FileSource {
    final FileIndex index;
    private final StructType schema;

    IndexedFileSource(FileIndex index, StructType dataSchema) {
        this.index = index;
        StructType s = dataSchema;
        for (StructField f : index.partitionSchema()) {
            s = s.add(f);
        }
        this.schema = s;
    }

    @Override
    public final StructType schema() {
        return schema;
    }

    @Override
    public final long sizeInBytes() {
        return Math.max(1, index.totalSize());
    }

    @Override
    public final List<String> paths() {
        return index.roots();
    }
}
