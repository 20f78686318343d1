package io.ember.dataframe.io;

import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Text files: one string column {@code value} per line (plus partition columns). */
public final class TextSource implements FileSource {
    private final FileIndex index;
    private final StructType schema;

    public TextSource(FileIndex index) {
        this.index = index;
        StructType s = new StructType().add("value", DataTypes.StringType, true);
        for (StructField f : index.partitionSchema()) {
            s = s.add(f);
        }
        this.schema = s;
    }

    @Override
    public String format() {
        return "text";
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public long sizeInBytes() {
        return Math.max(1, index.totalSize());
    }

    @Override
    public List<String> paths() {
        return index.roots();
    }

    record Spec(StructType schema, StructType partitionSchema, int[] required, int batchSize) implements Serializable {
    }

    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings) {
        List<CsvSource.Split> splits = CsvSource.splits(index, settings, sc.defaultParallelism(), filters,
                index.partitionSchema());
        Spec spec = new Spec(schema, index.partitionSchema(), required, settings.batchSize());
        if (splits.isEmpty()) {
            return sc.parallelize(List.<CsvSource.Split>of(), 1).mapPartitions(it -> Collections.emptyIterator());
        }
        return sc.parallelize(splits, splits.size()).mapPartitions(it -> read(it.next(), spec));
    }

    private static Iterator<ColumnBatch> read(CsvSource.Split split, Spec spec) {
        SplitLineReader lines = new SplitLineReader(split.file(), split.start(), split.end(), split.gzip(),
                StandardCharsets.UTF_8);
        return new Iterator<>() {
            ColumnBatch next;
            boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    ColumnVector[] cols = new ColumnVector[spec.required().length];
                    for (int c = 0; c < cols.length; c++) {
                        cols[c] = ColumnVector.allocate(spec.schema().apply(spec.required()[c]).dataType(), 256);
                    }
                    int n = 0;
                    String line;
                    while (n < spec.batchSize() && (line = lines.next()) != null) {
                        for (int c = 0; c < cols.length; c++) {
                            int ord = spec.required()[c];
                            if (ord == 0) {
                                cols[c].appendObject(line);
                            } else {
                                StructField p = spec.schema().apply(ord);
                                cols[c].append(FileIndex.partitionValue(split.partitionValues().get(p.name()), p.dataType()));
                            }
                        }
                        n++;
                    }
                    if (n == 0) {
                        done = true;
                        lines.close();
                    } else {
                        next = new ColumnBatch(cols, n);
                    }
                }
                return next != null;
            }

            @Override
            public ColumnBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ColumnBatch b = next;
                next = null;
                return b;
            }
        };
    }
}
