package io.ember.dataframe.internal.io;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.io.parquet.ColumnChunkReader;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet files read a batch at a time straight into the vectors. The footers are read when the
 * DataFrame is created (the schema, merged across files with {@code mergeSchema}); at scan time
 * each row group whose statistics might satisfy the pushed filters becomes one task, which reads
 * only the required columns' chunks and decodes their pages in bulk with the decoders of
 * {@code io.ember.dataframe.internal.io.parquet} (every standard encoding, pages v1 and v2). A scan that
 * needs no data column ({@code count(*)}, partition columns only) is answered from the footers'
 * row counts without opening a file. A scan given a {@link ScanCondition} (the filter above it)
 * decodes the condition's columns of a batch first and the other columns only for the rows
 * where it is true. Files written by Spark, DuckDB, pyarrow or parquet-mr are
 * understood: decimals stored as int32, int64 or byte arrays, timestamps in micros, millis, nanos
 * or Spark's legacy int96.
 */
public final class ParquetSource extends IndexedFileSource {
    private final StructType dataSchema;
    private final List<Footer> footers;

    /** What the footer of one file says. */
    record Footer(FileIndex.InputFile file, StructType schema, List<RowGroup> rowGroups) {
    }

    /**
     * One row group: rows, the midpoint of its bytes (by which a reader given a byte range picks
     * it), and per column its statistics and size.
     */
    record RowGroup(int index, long rows, long midpoint, Map<String, ColumnStats> columns) {
    }

    /** Statistics of one column chunk, values internal (null when unknown). */
    record ColumnStats(Object min, Object max, long nullCount, long bytes) {
    }

    private ParquetSource(FileIndex index, StructType dataSchema, List<Footer> footers) {
        super(index, dataSchema);
        this.dataSchema = dataSchema;
        this.footers = footers;
    }

    /**
     * A source over {@code index}; the schema is {@code userSchema}, or the first file's, or with
     * {@code mergeSchema} the union of all files' columns with widened types.
     *
     * @throws AnalysisException naming a file whose footer cannot be read, or a column whose
     *     types conflict
     */
    public static ParquetSource create(FileIndex index, StructType userSchema, boolean mergeSchema) {
        List<Footer> footers = new ArrayList<>();
        for (FileIndex.InputFile f : index.files()) {
            try {
                footers.add(readFooter(f));
            } catch (RuntimeException e) {
                if (!index.readOptions().skips(f.path(), e)) {
                    throw e;
                }
            }
        }
        StructType data = userSchema;
        if (data == null) {
            if (footers.isEmpty()) {
                throw new AnalysisException("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet at "
                        + index.roots() + ". It must be specified manually.");
            }
            data = mergeSchema ? merge(footers) : footers.get(0).schema();
        }
        return new ParquetSource(index, data, footers);
    }

    private static StructType merge(List<Footer> footers) {
        Map<String, StructField> fields = new LinkedHashMap<>();
        for (Footer f : footers) {
            for (StructField field : f.schema()) {
                StructField prev = fields.get(field.name());
                if (prev == null) {
                    fields.put(field.name(), new StructField(field.name(), field.dataType(), true));
                } else {
                    fields.put(field.name(), new StructField(field.name(),
                            ParquetSchemas.merge(field.name(), prev.dataType(), field.dataType(), f.file().path()), true));
                }
            }
        }
        return new StructType(fields.values().toArray(new StructField[0]));
    }

    static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    }

    private static Footer readFooter(FileIndex.InputFile f) {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(f.path())), readOptions())) {
            MessageType message = r.getFileMetaData().getSchema();
            StructType schema = ParquetSchemas.toStruct(message, f.path());
            List<RowGroup> groups = new ArrayList<>();
            List<BlockMetaData> blocks = r.getRowGroups();
            for (int i = 0; i < blocks.size(); i++) {
                BlockMetaData b = blocks.get(i);
                Map<String, ColumnStats> stats = new HashMap<>();
                for (ColumnChunkMetaData c : b.getColumns()) {
                    String name = c.getPath().toDotString();
                    Object min = null;
                    Object max = null;
                    long nulls = -1;
                    Statistics<?> s = c.getStatistics();
                    // Leaves of nested columns (path a.list.element) have no filterable value of their own.
                    if (s != null && !s.isEmpty() && c.getPath().size() == 1) {
                        nulls = s.isNumNullsSet() ? s.getNumNulls() : -1;
                        if (s.hasNonNullValue()) {
                            PrimitiveType p = message.getType(name).asPrimitiveType();
                            min = statValue(s.genericGetMin(), p);
                            max = statValue(s.genericGetMax(), p);
                        }
                    }
                    stats.put(name, new ColumnStats(min, max, nulls, c.getTotalSize()));
                }
                groups.add(new RowGroup(i, b.getRowCount(), b.getStartingPos() + b.getCompressedSize() / 2, stats));
            }
            return new Footer(f, schema, groups);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AnalysisException a) {
                throw a;
            }
            throw new AnalysisException("[CANNOT_READ_FILE_FOOTER] Could not read footer for file: " + f.path()
                    + " (" + e.getMessage() + "). The file may be truncated or not a Parquet file.", e);
        }
    }

    private static Object statValue(Object v, PrimitiveType p) {
        try {
            LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
            if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                return null;
            }
            if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                if (v instanceof Integer i) {
                    return BigDecimal.valueOf(i, d.getScale());
                }
                if (v instanceof Long l) {
                    return BigDecimal.valueOf(l, d.getScale());
                }
                return new BigDecimal(new BigInteger(((Binary) v).getBytes()), d.getScale());
            }
            if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
                return timestampMicros((Long) v, t.getUnit());
            }
            if (v instanceof Float f) {
                return f.doubleValue();
            }
            if (v instanceof Binary b) {
                if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
                    return b.toStringUsingUTF8();
                }
                return null;
            }
            return v;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long timestampMicros(long v, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> v * 1000;
            case MICROS -> v;
            case NANOS -> Math.floorDiv(v, 1000);
        };
    }

    @Override
    public String format() {
        return "parquet";
    }

    /** One row group of one file to read ({@code midpoint}: see {@link RowGroup}). */
    record Split(String file, int rowGroup, long rows, long midpoint, Map<String, String> partitionValues)
            implements Serializable {
    }

    private List<Split> splits(List<SourceFilter> filters, long[] counts) {
        List<Split> out = new ArrayList<>();
        for (Footer f : footers) {
            if (!CsvSource.partitionMatches(f.file(), filters, index.partitionSchema())) {
                counts[0] += f.rowGroups().size();
                counts[1] += f.rowGroups().size();
                continue;
            }
            for (RowGroup g : f.rowGroups()) {
                if (g.rows() == 0) {
                    continue;
                }
                counts[0]++;
                if (mightMatch(f, g, filters)) {
                    out.add(new Split(f.file().path(), g.index(), g.rows(), g.midpoint(), f.file().partitionValues()));
                } else {
                    counts[1]++;
                }
            }
        }
        return out;
    }

    private boolean mightMatch(Footer f, RowGroup g, List<SourceFilter> filters) {
        for (SourceFilter filter : filters) {
            ColumnStats s = g.columns().get(filter.column());
            if (s == null) {
                continue;
            }
            int fileIndex = indexOf(f.schema(), filter.column());
            if (fileIndex < 0 || !f.schema().apply(fileIndex).dataType().equals(filter.type())) {
                continue;
            }
            if (!filter.mightMatch(s.min(), s.max(), s.nullCount(), g.rows())) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(StructType s, String name) {
        String[] names = s.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String describe(int[] required, List<SourceFilter> filters) {
        long[] counts = new long[2];
        List<Split> s = splits(filters, counts);
        String answer = readsNoDataColumn(required) ? ", answered from footers" : "";
        return "RowGroups: " + s.size() + " of " + counts[0] + " selected" + answer;
    }

    /** Whether a scan of {@code required} needs no column chunk: its rows are known from the footers. */
    private boolean readsNoDataColumn(int[] required) {
        for (int r : required) {
            if (r < dataSchema.size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of rows of {@code source} according to its Parquet footers (every row group of
     * every file, before any filter), or empty when it is not a Parquet source. Reads no data:
     * the footers were read when the source was created.
     */
    public static OptionalLong footerRowCount(FileSource source) {
        if (!(source instanceof ParquetSource p)) {
            return OptionalLong.empty();
        }
        long rows = 0;
        for (Footer f : p.footers) {
            for (RowGroup g : f.rowGroups()) {
                rows += g.rows();
            }
        }
        return OptionalLong.of(rows);
    }

    /** What an executor needs to read row groups. */
    record ReadSpec(StructType dataSchema, StructType partitionSchema, int[] required, int batchSize,
                    ScanCondition condition, ParquetMetrics.Counters metrics) implements Serializable {
    }

    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings) {
        return scan(sc, required, filters, null, settings);
    }

    @Override
    public boolean evaluatesConditions() {
        return true;
    }

    /**
     * The row groups' batches; with a {@code condition}, each batch reads the condition's columns
     * first and the other columns only for the rows where it is true (see {@link RowGroupReader}).
     */
    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanCondition condition,
                                 ScanSettings settings) {
        long[] counts = new long[2];
        List<Split> splits = splits(filters, counts);
        ParquetMetrics metrics = ParquetMetrics.of(sc);
        metrics.skipped(counts[1]);
        ReadSpec spec = new ReadSpec(dataSchema, index.partitionSchema(), required, settings.batchSize(), condition,
                metrics.counters());
        if (splits.isEmpty()) {
            return sc.parallelize(List.<Split>of(), 1).mapPartitions(it -> Collections.emptyIterator());
        }
        if (readsNoDataColumn(required)) {
            // count(*) and scans of partition columns only: each row group is its row count.
            int slices = Math.min(splits.size(), Math.max(1, sc.defaultParallelism()));
            if (condition == null) {
                return sc.parallelize(splits, slices).mapPartitions(it -> new FooterBatches(it, spec));
            }
            return sc.parallelize(splits, slices).mapPartitions(it -> io.vavr.collection.Iterator
                    .ofAll(new FooterBatches(it, spec)).map(condition::filter).filter(b -> b.numRows > 0));
        }
        FileReadOptions files = index.readOptions();
        return sc.parallelize(splits, splits.size()).mapPartitions(it -> {
            Split split = it.next();
            return files.read(split.file(), () -> new RowGroupReader(split, spec));
        });
    }

    // ---- reading a row group ----------------------------------------------------------------------

    /**
     * Decodes one row group into batches: a {@link ColumnChunkReader} per requested column found
     * in the file (only those chunks are read from disk), constants for partition columns and for
     * columns the file lacks. With a {@link ScanCondition}, only the rows where it is true are
     * returned, and batches where none is are not returned at all.
     */
    static final class RowGroupReader implements Iterator<ColumnBatch> {
        private final Split split;
        private final ReadSpec spec;
        private final long rows;
        private final ColumnChunkReader[] readers;
        private final ParquetNestedReader[] nestedReaders;
        private final DataType[] targetTypes;
        private final Object[] partitionValues;
        private final RowGroupCodecs codecs = new RowGroupCodecs();
        private long done;
        private ColumnBatch pending;
        private int[] selected = new int[0];
        /** The order of the condition's stages, learnt over this row group's batches; null before the first. */
        private AdaptiveStageOrder stageOrder;

        RowGroupReader(Split split, ReadSpec spec) {
            this.split = split;
            this.spec = spec;
            int[] req = spec.required();
            StructField[] data = spec.dataSchema().fields();
            readers = new ColumnChunkReader[req.length];
            nestedReaders = new ParquetNestedReader[req.length];
            PrimitiveType[] fileTypes = new PrimitiveType[req.length];
            Type[] nestedTypes = new Type[req.length];
            targetTypes = new DataType[req.length];
            partitionValues = new Object[req.length];
            try (ParquetFileReader r = openSplit()) {
                int group = r.getRowGroups().size() == 1 ? 0 : split.rowGroup();
                MessageType fileSchema = r.getFileMetaData().getSchema();
                List<Type> projected = new ArrayList<>();
                for (int c = 0; c < req.length; c++) {
                    if (req[c] >= data.length) {
                        StructField p = spec.partitionSchema().apply(req[c] - data.length);
                        targetTypes[c] = p.dataType();
                        partitionValues[c] = FileIndex.partitionValue(split.partitionValues().get(p.name()), p.dataType());
                        continue;
                    }
                    StructField f = data[req[c]];
                    targetTypes[c] = f.dataType();
                    if (fileSchema.containsField(f.name()) && nested(fileSchema.getType(f.name()))) {
                        Type t = fileSchema.getType(f.name());
                        DataType stored = ParquetSchemas.toDataType(t, split.file());
                        if (!stored.equals(f.dataType())) {
                            throw new AnalysisException("Parquet column " + f.name() + " in file " + split.file()
                                    + " has type " + stored.sql() + ", which cannot be read as " + f.dataType().sql());
                        }
                        nestedTypes[c] = t;
                        projected.add(t);
                    } else if (fileSchema.containsField(f.name())) {
                        PrimitiveType p = fileSchema.getType(f.name()).asPrimitiveType();
                        DataType stored = ParquetSchemas.toDataType(p, split.file());
                        if (!ParquetSchemas.readableAs(stored, f.dataType())) {
                            throw new AnalysisException("Parquet column " + f.name() + " in file " + split.file()
                                    + " has type " + stored.sql() + ", which cannot be read as " + f.dataType().sql()
                                    + " (read with mergeSchema=true or a matching schema)");
                        }
                        fileTypes[c] = p;
                        if (!projected.contains(p)) {
                            projected.add(p);
                        }
                    }
                }
                MessageType projection = new MessageType(fileSchema.getName(), projected);
                r.setRequestedSchema(projection);
                BlockMetaData block = r.getRowGroups().get(group);
                long bytes = 0;
                for (ColumnChunkMetaData c : block.getColumns()) {
                    if (projection.containsPath(c.getPath().toArray())) {
                        bytes += c.getTotalSize();
                    }
                }
                PageReadStore pages = r.readRowGroup(group);
                this.rows = pages.getRowCount();
                for (int c = 0; c < req.length; c++) {
                    if (fileTypes[c] != null) {
                        ColumnDescriptor d = projection.getColumnDescription(new String[] {fileTypes[c].getName()});
                        readers[c] = ColumnChunkReader.open(d, pages.getPageReader(d), targetTypes[c]);
                    } else if (nestedTypes[c] != null) {
                        nestedReaders[c] = new ParquetNestedReader(nestedTypes[c], projection, pages, targetTypes[c]);
                    }
                }
                spec.metrics().read(bytes);
            } catch (IOException | RuntimeException e) {
                if (e instanceof AnalysisException a) {
                    throw a;
                }
                throw new IllegalStateException("Cannot read row group " + split.rowGroup() + " of Parquet file "
                        + split.file() + ": " + e.getMessage(), e);
            }
        }

        /**
         * A reader of the split's file whose footer holds the split's row group alone: given the
         * byte range of the row group's midpoint, parquet-mr converts only that row group's
         * metadata, where a task of a file of many row groups would otherwise convert them all.
         * If the file no longer has that row group there (it changed since planning), the whole
         * footer is read and the row group taken by its index.
         */
        private ParquetFileReader openSplit() throws IOException {
            LocalInputFile file = new LocalInputFile(Path.of(split.file()));
            ParquetReadOptions.Builder options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .withCodecFactory(codecs);
            ParquetFileReader narrowed = ParquetFileReader.open(file,
                    options.withRange(split.midpoint(), split.midpoint() + 1).build());
            List<BlockMetaData> groups = narrowed.getRowGroups();
            if (groups.size() == 1 && groups.get(0).getRowCount() == split.rows()) {
                return narrowed;
            }
            narrowed.close();
            return ParquetFileReader.open(file, ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .withCodecFactory(codecs).build());
        }

        @Override
        public boolean hasNext() {
            while (pending == null && done < rows) {
                ColumnBatch b = readBatch();
                pending = b.numRows > 0 ? b : null;
            }
            return pending != null;
        }

        @Override
        public ColumnBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ColumnBatch b = pending;
            pending = null;
            return b;
        }

        /** The next batch's rows (those where the scan's condition is true: maybe none). */
        private ColumnBatch readBatch() {
            int n = (int) Math.min(spec.batchSize(), rows - done);
            ColumnBatch batch;
            try {
                batch = spec.condition() == null ? readAll(n) : readSelected(n, spec.condition());
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot decode Parquet file " + split.file() + ", row group "
                        + split.rowGroup() + ": " + e.getMessage(), e);
            }
            done += n;
            if (done >= rows) {
                codecs.releaseNow();
            }
            return batch;
        }

        private ColumnBatch readAll(int n) {
            ColumnVector[] cols = new ColumnVector[readers.length];
            for (int c = 0; c < readers.length; c++) {
                cols[c] = read(c, n);
            }
            return new ColumnBatch(cols, n);
        }

        /**
         * Late materialization, in stages: each stage's columns are read only for the rows the
         * stages before it kept (all rows for the first), and its condition evaluated on them, the
         * stages in the order that has proved cheapest ({@link AdaptiveStageOrder});
         * the columns already read are narrowed to the rows it keeps. The other columns are then
         * decoded only for the rows every stage kept, their decoders skipping the values of the
         * others, or not decoded at all when no row is left.
         */
        private ColumnBatch readSelected(int n, ScanCondition condition) {
            ColumnVector[] cols = new ColumnVector[readers.length];
            int[] rowsKept = null; // null while every row is kept
            int count = n;
            List<ScanCondition.Stage> stages = condition.stages();
            if (stageOrder == null) {
                stageOrder = new AdaptiveStageOrder(stages.size());
            }
            for (int position = 0; position < stages.size(); position++) {
                int stageIndex = stageOrder.stageAt(position);
                ScanCondition.Stage stage = stages.get(stageIndex);
                long started = System.nanoTime();
                int seen = count;
                int[] stageColumns = stage.columns();
                ColumnVector[] values = new ColumnVector[stageColumns.length];
                for (int i = 0; i < stageColumns.length; i++) {
                    int c = stageColumns[i];
                    if (cols[c] == null) {
                        cols[c] = rowsKept == null ? read(c, n) : read(c, n, rowsKept, count);
                    }
                    values[i] = cols[c];
                }
                if (selected.length < count) {
                    selected = new int[Math.max(count, n)];
                }
                int kept = stage.select(new ColumnBatch(values, count), selected);
                if (kept < count) {
                    int[] narrowed = new int[kept];
                    for (int i = 0; i < kept; i++) {
                        narrowed[i] = rowsKept == null ? selected[i] : rowsKept[selected[i]];
                    }
                    for (int c = 0; c < cols.length; c++) {
                        if (cols[c] != null) {
                            cols[c] = cols[c].select(selected, kept);
                        }
                    }
                    rowsKept = narrowed;
                    count = kept;
                }
                stageOrder.record(stageIndex, seen, count, System.nanoTime() - started);
                if (count == 0) {
                    break;
                }
            }
            stageOrder.batchDone();
            spec.metrics().filteredLate(n - count);
            for (int c = 0; c < cols.length; c++) {
                if (cols[c] != null) {
                    continue;
                }
                if (count == 0) {
                    skip(c, n);
                } else {
                    cols[c] = rowsKept == null ? read(c, n) : read(c, n, rowsKept, count);
                }
            }
            return new ColumnBatch(count == 0 ? new ColumnVector[0] : cols, count);
        }

        /** The next {@code n} values of required column {@code c}. */
        private ColumnVector read(int c, int n) {
            if (nestedReaders[c] != null) {
                return nestedReaders[c].read(n);
            }
            return readers[c] == null ? ColumnVector.constant(targetTypes[c], partitionValues[c], n) : readers[c].read(n);
        }

        /**
         * The values of rows {@code selected[0..count)} of the next {@code n} of column {@code c}.
         * Nested columns are assembled in full, then selected.
         */
        private ColumnVector read(int c, int n, int[] selected, int count) {
            if (nestedReaders[c] != null) {
                return nestedReaders[c].read(n).select(selected, count);
            }
            return readers[c] == null ? ColumnVector.constant(targetTypes[c], partitionValues[c], count)
                    : readers[c].read(n, selected, count);
        }

        /** Moves column {@code c} past its next {@code n} values. */
        private void skip(int c, int n) {
            if (nestedReaders[c] != null) {
                nestedReaders[c].read(n);
            } else if (readers[c] != null) {
                readers[c].skip(n);
            }
        }
    }

    /** Whether a top-level field is a group or repeated, so read by record assembly. */
    private static boolean nested(Type t) {
        return !t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED);
    }

    /**
     * The decompressors of one row group, kept until its last value is read. Pages are decompressed
     * lazily, as the column readers reach them, long after {@code ParquetFileReader.close()}; a
     * plain codec factory would have handed its decompressors back to Hadoop's process-wide
     * {@code CodecPool} at that close, and the other executor's reader would borrow the same
     * decompressor while this one still used it (snappy: {@code FAILED_TO_UNCOMPRESS}, whenever two
     * tasks read compressed files at once). A reader abandoned early (a limit) simply never
     * returns its decompressors to the pool.
     */
    private static final class RowGroupCodecs implements CompressionCodecFactory {
        private final CodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), 0);

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return codecs.getCompressor(codec);
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return codecs.getDecompressor(codec);
        }

        /** Called by {@code ParquetFileReader.close()}, too early: see {@link #releaseNow()}. */
        @Override
        public void release() {
        }

        /** Returns the decompressors to the pool once every page of the row group has been read. */
        void releaseNow() {
            codecs.release();
        }
    }
}
