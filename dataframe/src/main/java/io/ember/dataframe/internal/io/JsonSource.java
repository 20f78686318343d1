package io.ember.dataframe.internal.io;

import io.ember.rdd.internal.ComputedIterator;
import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * JSON: by default one record per line (JSON lines); with {@code multiLine} each file is one JSON
 * value, an object or an array of objects. Fields become columns. Without a schema, the schema is
 * inferred over all the data (a job) as Spark infers it: fields ordered by name, types as
 * {@link JsonTypes} merges them. A malformed record, or a value that does not fit its column, is
 * handled by {@code mode}: PERMISSIVE keeps the row (the bad values null) and puts the record's
 * text in the corrupt record column if the schema has one, DROPMALFORMED drops the row, FAILFAST
 * fails the read naming the file and line.
 */
public final class JsonSource extends IndexedFileSource {
    private final StructType dataSchema;
    private final JsonOptions options;

    private JsonSource(FileIndex index, StructType dataSchema, JsonOptions options) {
        super(index, dataSchema);
        this.dataSchema = dataSchema;
        this.options = options;
    }

    /**
     * A source with {@code userSchema}, or with a schema inferred from the data.
     *
     * @throws AnalysisException if there is no data to infer from, or the corrupt record column
     *                           of the user schema is not a string
     * @throws MalformedRecordException in FAILFAST mode, for a malformed record met in inference
     */
    public static JsonSource create(EmberContext sc, FileIndex index, StructType userSchema, JsonOptions options,
                                    ScanSettings settings) {
        if (userSchema != null) {
            for (StructField f : userSchema) {
                if (f.name().equals(options.corruptColumn()) && !(f.dataType() instanceof StringType)) {
                    throw new AnalysisException("The field for corrupt records '" + f.name()
                            + "' must be of type string, not " + f.dataType().simpleString());
                }
            }
            return new JsonSource(index, userSchema, options);
        }
        List<CsvSource.Split> splits = splits(index, options, settings, sc.defaultParallelism(), List.of());
        TreeMap<String, DataType> merged = new TreeMap<>();
        boolean corrupt = false;
        if (!splits.isEmpty()) {
            FileReadOptions files = index.readOptions();
            List<Inferred> parts = sc.runJob(sc.parallelize(splits, splits.size()),
                    (tc, it) -> inferSplit(it.next(), options, files));
            for (Inferred p : parts) {
                p.types().forEach((k, v) -> merged.merge(k, v, JsonTypes::merge));
                corrupt |= p.sawMalformed();
            }
        }
        if (merged.isEmpty() && !corrupt) {
            throw new AnalysisException("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for JSON at " + index.roots()
                    + ": no records. It must be specified manually.");
        }
        if (corrupt && options.mode() == CsvOptions.Mode.PERMISSIVE) {
            merged.put(options.corruptColumn(), DataTypes.StringType);
        }
        StructType s = new StructType();
        for (Map.Entry<String, DataType> e : merged.entrySet()) {
            s = s.add(e.getKey(), JsonTypes.canonical(e.getValue()), true);
        }
        return new JsonSource(index, s, options);
    }

    private static List<CsvSource.Split> splits(FileIndex index, JsonOptions options, ScanSettings settings,
                                                int parallelism, List<SourceFilter> filters) {
        return options.multiLine() ? WholeFiles.splits(index, filters)
                : CsvSource.splits(index, settings, parallelism, filters, index.partitionSchema());
    }

    /** The field types seen in one split, and whether a malformed record was. */
    record Inferred(TreeMap<String, DataType> types, boolean sawMalformed) implements Serializable {
    }

    private static Inferred inferSplit(CsvSource.Split split, JsonOptions options, FileReadOptions files) {
        TreeMap<String, DataType> types = new TreeMap<>();
        boolean malformed = false;
        JsonRecordParser parser = new JsonRecordParser(options);
        Iterator<RecordText> texts = files.read(split.file(), () -> new RecordTexts(split, options.multiLine()));
        while (texts.hasNext()) {
            RecordText text = texts.next();
            List<Map<String, Object>> records;
            try {
                records = parser.records(text.text());
            } catch (IllegalArgumentException e) {
                if (options.mode() == CsvOptions.Mode.FAILFAST) {
                    throw new MalformedRecordException(split.file(), text.line(), e.getMessage(), text.text());
                }
                malformed = true;
                continue;
            }
            for (Map<String, Object> r : records) {
                for (Map.Entry<String, Object> e : r.entrySet()) {
                    types.merge(e.getKey(), JsonTypes.infer(e.getValue(), options.primitivesAsString()),
                            JsonTypes::merge);
                }
            }
        }
        return new Inferred(types, malformed);
    }

    @Override
    public String format() {
        return "json";
    }

    record Spec(StructType dataSchema, StructType partitionSchema, int[] required, int batchSize, String zone,
                JsonOptions options) implements Serializable {
    }

    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings) {
        List<CsvSource.Split> splits = splits(index, options, settings, sc.defaultParallelism(), filters);
        Spec spec = new Spec(dataSchema, index.partitionSchema(), required, settings.batchSize(), settings.timeZone(),
                options);
        if (splits.isEmpty()) {
            return sc.parallelize(List.<CsvSource.Split>of(), 1).mapPartitions(it -> Collections.emptyIterator());
        }
        FileReadOptions files = index.readOptions();
        return sc.parallelize(splits, splits.size()).mapPartitions(it -> {
            CsvSource.Split split = it.next();
            return files.read(split.file(), () -> new BatchReader(split, spec));
        });
    }

    /** The text of one record (a line, or a whole file) and its 1-based first line. */
    record RecordText(String text, long line) {
    }

    /** The non-blank record texts of a split. */
    private static final class RecordTexts implements Iterator<RecordText> {
        private final CsvSource.Split split;
        private final SplitLineReader lines;
        private String whole;
        private RecordText next;
        private long lineInSplit;
        private long linesBefore = -1;

        RecordTexts(CsvSource.Split split, boolean multiLine) {
            this.split = split;
            if (multiLine) {
                this.lines = null;
                this.whole = WholeFiles.read(split, StandardCharsets.UTF_8);
            } else {
                this.lines = new SplitLineReader(split.file(), split.start(), split.end(), split.gzip(),
                        StandardCharsets.UTF_8);
            }
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (lines == null) {
                if (whole != null && !whole.isBlank()) {
                    next = new RecordText(whole, 1);
                }
                whole = null;
                return next != null;
            }
            String line;
            while ((line = lines.next()) != null) {
                lineInSplit++;
                if (!line.isBlank()) {
                    next = new RecordText(line, -lineInSplit);
                    return true;
                }
            }
            lines.close();
            return false;
        }

        @Override
        public RecordText next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RecordText t = next;
            next = null;
            if (t.line() < 0) {
                if (linesBefore < 0) {
                    linesBefore = split.gzip() ? 0 : SplitLineReader.linesBefore(split.file(), split.start());
                }
                t = new RecordText(t.text(), linesBefore - t.line());
            }
            return t;
        }
    }

    /** Reads a split's records into batches of the required columns, applying the mode. */
    private static final class BatchReader extends ComputedIterator<ColumnBatch> {
        private final CsvSource.Split split;
        private final Spec spec;
        private final RecordTexts texts;
        private final JsonRecordParser parser;
        private final StructField[] data;
        private final int corruptOrdinal;
        private final ZoneId zone;
        private final List<Map<String, Object>> pending = new ArrayList<>();
        private RecordText pendingText;

        BatchReader(CsvSource.Split split, Spec spec) {
            this.split = split;
            this.spec = spec;
            this.texts = new RecordTexts(split, spec.options().multiLine());
            this.parser = new JsonRecordParser(spec.options());
            this.data = spec.dataSchema().fields();
            int corrupt = -1;
            for (int i = 0; i < data.length; i++) {
                if (data[i].name().equals(spec.options().corruptColumn())) {
                    corrupt = i;
                }
            }
            this.corruptOrdinal = corrupt;
            this.zone = ZoneId.of(spec.zone());
        }

        @Override
        protected ColumnBatch computeNext() {
            int[] req = spec.required();
            ColumnVector[] cols = new ColumnVector[req.length];
            for (int c = 0; c < req.length; c++) {
                DataType t = req[c] < data.length ? data[req[c]].dataType()
                        : spec.partitionSchema().apply(req[c] - data.length).dataType();
                cols[c] = ColumnVector.allocate(t, Math.min(spec.batchSize(), 1024));
            }
            Object[] row = new Object[data.length];
            int n = 0;
            while (n < spec.batchSize()) {
                if (pending.isEmpty()) {
                    if (!texts.hasNext()) {
                        break;
                    }
                    pendingText = texts.next();
                    try {
                        pending.addAll(parser.records(pendingText.text()));
                    } catch (IllegalArgumentException e) {
                        if (!bad(row, pendingText, e.getMessage())) {
                            continue;
                        }
                        append(cols, row);
                        n++;
                        continue;
                    }
                    if (pending.isEmpty()) {
                        continue;
                    }
                }
                if (toRow(pending.remove(0), row)) {
                    append(cols, row);
                    n++;
                }
            }
            return n == 0 ? null : new ColumnBatch(cols, n);
        }

        /** Fills {@code row}; false if the mode drops it. */
        private boolean toRow(Map<String, Object> record, Object[] row) {
            String failure = null;
            for (int i = 0; i < data.length; i++) {
                if (i == corruptOrdinal) {
                    row[i] = null;
                    continue;
                }
                try {
                    row[i] = JsonTypes.convert(record.get(data[i].name()), data[i].dataType(), spec.options(), zone);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    row[i] = null;
                    failure = failure == null ? "field '" + data[i].name() + "': " + e.getMessage() : failure;
                }
            }
            if (failure == null) {
                return true;
            }
            return keepBad(row, pendingText, failure);
        }

        /** A malformed record: a row of nulls (PERMISSIVE), none, or a failure; true if kept. */
        private boolean bad(Object[] row, RecordText text, String reason) {
            java.util.Arrays.fill(row, null);
            return keepBad(row, text, reason);
        }

        private boolean keepBad(Object[] row, RecordText text, String reason) {
            switch (spec.options().mode()) {
                case FAILFAST -> throw new MalformedRecordException(split.file(), text.line(), reason, text.text());
                case DROPMALFORMED -> {
                    return false;
                }
                default -> {
                    if (corruptOrdinal >= 0) {
                        row[corruptOrdinal] = text.text();
                    }
                    return true;
                }
            }
        }

        private void append(ColumnVector[] cols, Object[] row) {
            int[] req = spec.required();
            for (int c = 0; c < req.length; c++) {
                if (req[c] >= data.length) {
                    StructField p = spec.partitionSchema().apply(req[c] - data.length);
                    cols[c].append(FileIndex.partitionValue(split.partitionValues().get(p.name()), p.dataType()));
                } else {
                    cols[c].append(row[req[c]]);
                }
            }
        }
    }
}
