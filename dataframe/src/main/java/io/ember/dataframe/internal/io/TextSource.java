package io.ember.dataframe.internal.io;

import io.ember.rdd.internal.ComputedIterator;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
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

/**
 * Text files: one string column {@code value} (plus partition columns), one row per line. Lines
 * end at {@code \n}, {@code \r\n} or {@code \r}, or with the {@code lineSep} option at that
 * string (such files are read whole, one task per file; a final separator does not start an
 * empty row). With {@code wholetext} each file is one row.
 */
public final class TextSource extends IndexedFileSource {
    /** The option names, in Spark's spelling. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("lineSep", "wholetext");

    private final String lineSep;
    private final boolean wholeText;

    /**
     * A source of {@code index}'s files.
     *
     * @throws IllegalArgumentException if {@code lineSep} is empty
     */
    public TextSource(FileIndex index, DataSourceOptions options) {
        super(index, new StructType().add("value", DataTypes.StringType, true));
        this.lineSep = options.get("lineSep");
        this.wholeText = options.bool("wholetext", false);
        if (lineSep != null && lineSep.isEmpty()) {
            throw new IllegalArgumentException("Option 'lineSep' must not be empty");
        }
    }

    @Override
    public String format() {
        return "text";
    }

    record Spec(StructType schema, StructType partitionSchema, int[] required, int batchSize, String lineSep,
                boolean wholeText) implements Serializable {
    }

    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings) {
        boolean whole = wholeText || lineSep != null;
        List<CsvSource.Split> splits = whole ? WholeFiles.splits(index, filters)
                : CsvSource.splits(index, settings, sc.defaultParallelism(), filters, index.partitionSchema());
        Spec spec = new Spec(schema(), index.partitionSchema(), required, settings.batchSize(), lineSep, wholeText);
        if (splits.isEmpty()) {
            return sc.parallelize(List.<CsvSource.Split>of(), 1).mapPartitions(it -> Collections.emptyIterator());
        }
        FileReadOptions files = index.readOptions();
        return sc.parallelize(splits, splits.size()).mapPartitions(it -> {
            CsvSource.Split split = it.next();
            return files.read(split.file(), () -> read(split, spec));
        });
    }

    private static Iterator<String> records(CsvSource.Split split, Spec spec) {
        if (spec.wholeText()) {
            return List.of(WholeFiles.read(split, StandardCharsets.UTF_8)).iterator();
        }
        if (spec.lineSep() != null) {
            String text = WholeFiles.read(split, StandardCharsets.UTF_8);
            List<String> out = new java.util.ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf(spec.lineSep(), start);
                if (end < 0) {
                    end = text.length();
                }
                out.add(text.substring(start, end));
                start = end + spec.lineSep().length();
            }
            return out.iterator();
        }
        SplitLineReader lines = new SplitLineReader(split.file(), split.start(), split.end(), split.gzip(),
                StandardCharsets.UTF_8);
        return new ComputedIterator<>() {
            @Override
            protected String computeNext() {
                String line = lines.next();
                if (line == null) {
                    lines.close();
                }
                return line;
            }
        };
    }

    private static Iterator<ColumnBatch> read(CsvSource.Split split, Spec spec) {
        Iterator<String> lines = records(split, spec);
        return new ComputedIterator<>() {
            @Override
            protected ColumnBatch computeNext() {
                ColumnVector[] cols = new ColumnVector[spec.required().length];
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = ColumnVector.allocate(spec.schema().apply(spec.required()[c]).dataType(), 256);
                }
                int n = 0;
                while (n < spec.batchSize() && lines.hasNext()) {
                    String line = lines.next();
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
                return n == 0 ? null : new ColumnBatch(cols, n);
            }
        };
    }
}
