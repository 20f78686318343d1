package io.ember.dataframe.internal.io;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.internal.expressions.DateTimeParsing;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.ComputedIterator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CSV files read line by line into column batches. Files are cut into byte-range splits at line
 * boundaries (at most {@code ember.sql.files.maxPartitionBytes} each; gzip files whole); only
 * the required columns are converted. A record is malformed when its field count differs from
 * the schema, a field does not convert to its column's type, or its quoting is broken; what then
 * happens follows the {@code mode} option, and with {@code badRecordsPath} the record is written
 * there (file, line, reason, text) and left out.
 */
public final class CsvSource extends IndexedFileSource {
    private static final long MIN_SPLIT = 4L * 1024 * 1024;

    private final CsvOptions options;
    private final StructType dataSchema;

    private CsvSource(FileIndex index, CsvOptions options, StructType dataSchema) {
        super(index, dataSchema);
        this.options = options;
        this.dataSchema = dataSchema;
    }

    /**
     * A source over {@code index}: with {@code userSchema} if given, else column names from the
     * header (or {@code _c0, _c1, ...}) typed by inference (a job over all the data) or as strings.
     */
    public static CsvSource create(EmberContext sc, FileIndex index, CsvOptions options, StructType userSchema,
                                   ScanSettings settings) {
        if (userSchema != null) {
            for (StructField f : userSchema) {
                if (f.name().equals(options.corruptColumn()) && !(f.dataType() instanceof StringType)) {
                    throw new AnalysisException("The field for corrupt records must be string type and nullable: "
                            + f.name());
                }
            }
            return new CsvSource(index, options, userSchema);
        }
        String[] names = columnNames(index, options);
        if (names == null) {
            throw new AnalysisException("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for CSV at " + index.roots()
                    + ". It must be specified manually.");
        }
        DataType[] types = new DataType[names.length];
        java.util.Arrays.fill(types, DataTypes.StringType);
        if (options.inferSchema()) {
            types = infer(sc, options.multiLine() ? WholeFiles.splits(index, List.of())
                    : splits(index, settings, sc.defaultParallelism(), List.of(), new StructType()), options,
                    names.length, settings, index.readOptions());
        }
        StructType s = new StructType();
        for (int i = 0; i < names.length; i++) {
            s = s.add(names[i], types[i], true);
        }
        return new CsvSource(index, options, s);
    }

    private static String[] columnNames(FileIndex index, CsvOptions o) {
        CsvLineParser parser = new CsvLineParser(o);
        for (FileIndex.InputFile f : index.files()) {
            String[] names;
            try {
                names = firstRecordNames(f, o, parser);
            } catch (RuntimeException e) {
                if (index.readOptions().skips(f.path(), e)) {
                    continue;
                }
                throw e;
            }
            if (names != null) {
                return names;
            }
        }
        return null;
    }

    /** The column names from the first record of {@code f}, or null if it has none. */
    private static String[] firstRecordNames(FileIndex.InputFile f, CsvOptions o, CsvLineParser parser) {
        CsvRecordReader r = new CsvRecordReader(new SplitLineReader(f.path(), 0, Long.MAX_VALUE,
                f.path().endsWith(".gz"), Charset.forName(o.encoding())), o);
        try {
            String line;
            while ((line = r.next()) != null) {
                if (line.isEmpty() || (o.comment() != null && line.charAt(0) == o.comment())) {
                    continue;
                }
                String[] tokens = parser.parse(line);
                if (tokens == null) {
                    tokens = line.split(String.valueOf(o.sep()), -1);
                }
                String[] names = new String[tokens.length];
                Set<String> seen = new HashSet<>();
                Set<String> dup = new HashSet<>();
                for (String t : tokens) {
                    if (!seen.add(t)) {
                        dup.add(t);
                    }
                }
                for (int i = 0; i < tokens.length; i++) {
                    String n = o.header() ? tokens[i].trim() : "_c" + i;
                    if (n.isEmpty()) {
                        n = "_c" + i;
                    } else if (o.header() && dup.contains(tokens[i])) {
                        n = n + i;
                    }
                    names[i] = n;
                }
                return names;
            }
        } finally {
            r.close();
        }
        return null;
    }

    /** One byte range of one file. */
    record Split(String file, long start, long end, boolean gzip, Map<String, String> partitionValues)
            implements Serializable {
    }

    static List<Split> splits(FileIndex index, ScanSettings settings, int parallelism, List<SourceFilter> filters,
                              StructType partitionSchema) {
        long total = index.totalSize();
        long size = Math.max(1, Math.min(settings.maxPartitionBytes(),
                Math.max(Math.min(MIN_SPLIT, settings.maxPartitionBytes()), total / Math.max(1, parallelism) + 1)));
        List<Split> out = new ArrayList<>();
        for (FileIndex.InputFile f : index.files()) {
            if (!partitionMatches(f, filters, partitionSchema)) {
                continue;
            }
            boolean gzip = f.path().endsWith(".gz");
            if (gzip || f.size() == 0) {
                out.add(new Split(f.path(), 0, Long.MAX_VALUE, gzip, f.partitionValues()));
                continue;
            }
            for (long start = 0; start < f.size(); start += size) {
                out.add(new Split(f.path(), start, Math.min(f.size(), start + size), false, f.partitionValues()));
            }
        }
        return out;
    }

    /** Whether the partition values of {@code f} may satisfy the filters on partition columns. */
    static boolean partitionMatches(FileIndex.InputFile f, List<SourceFilter> filters, StructType partitionSchema) {
        for (SourceFilter filter : filters) {
            for (StructField p : partitionSchema) {
                if (p.name().equals(filter.column())) {
                    Object v = FileIndex.partitionValue(f.partitionValues().get(p.name()), p.dataType());
                    if (!filter.matchesValue(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    public String format() {
        return "csv";
    }

    /** What an executor needs to read splits. */
    record ReadSpec(CsvOptions options, StructType dataSchema, StructType partitionSchema, int[] required,
                    int batchSize, String zone) implements Serializable {
    }

    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings) {
        List<Split> splits = options.multiLine() ? WholeFiles.splits(index, filters)
                : splits(index, settings, sc.defaultParallelism(), filters, index.partitionSchema());
        ReadSpec spec = new ReadSpec(options, dataSchema, index.partitionSchema(), required, settings.batchSize(),
                settings.timeZone());
        if (splits.isEmpty()) {
            return sc.parallelize(List.<Split>of(), 1).mapPartitions(it -> java.util.Collections.emptyIterator());
        }
        FileReadOptions files = index.readOptions();
        return sc.parallelize(splits, splits.size()).mapPartitions(it -> {
            Split split = it.next();
            return files.read(split.file(), () -> new BatchReader(split, spec));
        });
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** Reads one split into batches of the required columns. */
    static final class BatchReader extends ComputedIterator<ColumnBatch> {
        private final Split split;
        private final ReadSpec spec;
        private final CsvRecordReader lines;
        private final CsvLineParser parser;
        private final int[] tokenIndex;
        private final int corruptIndex;
        private final int parsedFields;
        private final ZoneId zone;
        private long lineInSplit;
        private long linesBefore = -1;
        private BufferedWriter badRecords;
        private int[] validateOnly;
        private final ColumnVector[] scratch;

        BatchReader(Split split, ReadSpec spec) {
            this.split = split;
            this.spec = spec;
            CsvOptions o = spec.options();
            this.lines = new CsvRecordReader(new SplitLineReader(split.file(), split.start(), split.end(),
                    split.gzip(), Charset.forName(o.encoding())), o);
            this.parser = new CsvLineParser(o);
            this.zone = ZoneId.of(spec.zone());
            StructField[] fields = spec.dataSchema().fields();
            this.tokenIndex = new int[fields.length];
            int corrupt = -1;
            int t = 0;
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].name().equals(o.corruptColumn()) && fields[i].dataType() instanceof StringType) {
                    corrupt = i;
                    tokenIndex[i] = -1;
                } else {
                    tokenIndex[i] = t++;
                }
            }
            this.corruptIndex = corrupt;
            this.parsedFields = t;
            // The corrupt-record column and bad-record files describe whole records: check every field then.
            boolean corruptRequired = false;
            for (int r : spec.required()) {
                corruptRequired |= r == corrupt;
            }
            boolean all = corrupt >= 0 && corruptRequired || o.badRecordsPath() != null;
            boolean[] isRequired = new boolean[fields.length];
            for (int r : spec.required()) {
                if (r < fields.length) {
                    isRequired[r] = true;
                }
            }
            this.validateOnly = new int[0];
            if (all) {
                List<Integer> extra = new ArrayList<>();
                for (int i = 0; i < fields.length; i++) {
                    if (!isRequired[i] && i != corrupt) {
                        extra.add(i);
                    }
                }
                this.validateOnly = extra.stream().mapToInt(Integer::intValue).toArray();
            }
            this.scratch = new ColumnVector[validateOnly.length];
            for (int i = 0; i < validateOnly.length; i++) {
                scratch[i] = ColumnVector.allocate(fields[validateOnly[i]].dataType(), 4);
            }
            if (split.start() == 0 && o.header()) {
                skipHeader();
            }
        }

        private void skipHeader() {
            String line;
            while ((line = lines.next()) != null) {
                lineInSplit = lines.recordLine();
                if (!line.isEmpty() && (spec.options().comment() == null || line.charAt(0) != spec.options().comment())) {
                    return;
                }
            }
        }

        @Override
        protected ColumnBatch computeNext() {
            ColumnBatch b = read();
            if (b == null) {
                lines.close();
                closeBadRecords();
            }
            return b;
        }

        private long lineNumber() {
            if (linesBefore < 0) {
                linesBefore = split.gzip() ? 0 : SplitLineReader.linesBefore(split.file(), split.start());
            }
            return linesBefore + lineInSplit;
        }

        private ColumnBatch read() {
            int[] req = spec.required();
            StructField[] data = spec.dataSchema().fields();
            StructField[] parts = spec.partitionSchema().fields();
            ColumnVector[] cols = new ColumnVector[req.length];
            for (int c = 0; c < req.length; c++) {
                DataType t = req[c] < data.length ? data[req[c]].dataType() : parts[req[c] - data.length].dataType();
                cols[c] = ColumnVector.allocate(t, Math.min(spec.batchSize(), 1024));
            }
            CsvOptions o = spec.options();
            int rows = 0;
            String line;
            while (rows < spec.batchSize() && (line = lines.next()) != null) {
                lineInSplit = lines.recordLine();
                if (line.isEmpty() || (o.comment() != null && line.charAt(0) == o.comment())) {
                    continue;
                }
                String[] tokens = parser.parse(line);
                String reason = tokens == null ? parser.error : tokens.length != parsedFields
                        ? "expected " + parsedFields + " fields but found " + tokens.length : null;
                for (int c = 0; c < req.length; c++) {
                    int ord = req[c];
                    if (ord >= data.length) {
                        StructField p = parts[ord - data.length];
                        cols[c].append(FileIndex.partitionValue(split.partitionValues().get(p.name()), p.dataType()));
                        continue;
                    }
                    if (ord == corruptIndex) {
                        continue;
                    }
                    int t = tokenIndex[ord];
                    String raw = tokens == null || t >= tokens.length ? null : tokens[t];
                    if (raw != null && o.trimLeading()) {
                        raw = raw.stripLeading();
                    }
                    if (raw != null && o.trimTrailing()) {
                        raw = raw.stripTrailing();
                    }
                    if (raw == null || raw.equals(o.nullValue())) {
                        cols[c].appendNull();
                        continue;
                    }
                    if (!convert(raw, data[ord].dataType(), cols[c], zone, o)) {
                        cols[c].appendNull();
                        if (reason == null) {
                            reason = "cannot parse '" + raw + "' as " + data[ord].dataType().typeName() + " for column "
                                    + data[ord].name();
                        }
                    }
                }
                for (int v = 0; v < validateOnly.length && reason == null && tokens != null; v++) {
                    int ord = validateOnly[v];
                    int t = tokenIndex[ord];
                    String raw = t >= tokens.length ? null : tokens[t];
                    scratch[v].size = 0;
                    if (raw != null && !raw.equals(o.nullValue()) && !convert(raw, data[ord].dataType(), scratch[v], zone, o)) {
                        reason = "cannot parse '" + raw + "' as " + data[ord].dataType().typeName() + " for column "
                                + data[ord].name();
                    }
                }
                if (corruptIndex >= 0) {
                    for (int c = 0; c < req.length; c++) {
                        if (req[c] == corruptIndex) {
                            cols[c].appendObject(reason == null ? null : line);
                        }
                    }
                }
                if (reason != null) {
                    if (o.mode() == CsvOptions.Mode.FAILFAST) {
                        throw new MalformedRecordException(split.file(), lineNumber(), reason, line);
                    }
                    if (o.badRecordsPath() != null || o.mode() == CsvOptions.Mode.DROPMALFORMED) {
                        if (o.badRecordsPath() != null) {
                            writeBadRecord(line, reason);
                        }
                        for (ColumnVector v : cols) {
                            v.truncate(rows);
                        }
                        continue;
                    }
                }
                rows++;
            }
            if (rows == 0) {
                return null;
            }
            return new ColumnBatch(cols, rows);
        }

        private void writeBadRecord(String line, String reason) {
            try {
                if (badRecords == null) {
                    TaskContext tc = TaskContext.current().getOrNull();
                    String name = "part-" + (tc == null ? 0 : tc.partitionId()) + "-"
                            + (tc == null ? 0 : tc.attemptNumber()) + "-" + UUID.randomUUID() + ".json";
                    Path dir = Path.of(spec.options().badRecordsPath(), "bad_records");
                    Files.createDirectories(dir);
                    badRecords = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
                }
                badRecords.write("{\"path\":" + json(split.file()) + ",\"line\":" + lineNumber() + ",\"reason\":"
                        + json(reason) + ",\"record\":" + json(line) + "}\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write bad records to " + spec.options().badRecordsPath(), e);
            }
        }

        private void closeBadRecords() {
            if (badRecords != null) {
                try {
                    badRecords.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write bad records to " + spec.options().badRecordsPath(), e);
                }
            }
        }
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Appends {@code raw} converted to {@code type}; false if it does not convert. */
    static boolean convert(String raw, DataType type, ColumnVector out, ZoneId zone, CsvOptions o) {
        try {
            if (type instanceof StringType) {
                out.appendString(raw);
            } else if (type instanceof IntegerType) {
                out.appendInt(Integer.parseInt(raw));
            } else if (type instanceof LongType) {
                out.appendLong(Long.parseLong(raw));
            } else if (type instanceof DoubleType) {
                Double d = Cast.parseDouble(raw);
                if (d == null) {
                    return false;
                }
                out.appendDouble(d);
            } else if (type instanceof DecimalType dt) {
                BigDecimal d = Values.toDecimal(new BigDecimal(raw), dt);
                if (d == null) {
                    return false;
                }
                out.appendDecimal(d);
            } else if (type instanceof BooleanType) {
                if (raw.equalsIgnoreCase("true")) {
                    out.appendBoolean(true);
                } else if (raw.equalsIgnoreCase("false")) {
                    out.appendBoolean(false);
                } else {
                    return false;
                }
            } else if (type instanceof DateType) {
                Integer d = o.dateFormat() != null ? DateTimeParsing.parseDate(raw, o.dateFormat())
                        : DateTimeParsing.parseDate(raw);
                if (d == null) {
                    return false;
                }
                out.appendInt(d);
            } else if (type instanceof TimestampType) {
                Long t = o.timestampFormat() != null ? DateTimeParsing.parseTimestamp(raw, o.timestampFormat(), zone)
                        : DateTimeParsing.parseTimestamp(raw, zone);
                if (t == null) {
                    return false;
                }
                out.appendLong(t);
            } else if (type instanceof BinaryType) {
                out.appendObject(raw.getBytes(StandardCharsets.UTF_8));
            } else {
                return false;
            }
            return true;
        } catch (NumberFormatException | ArithmeticException e) {
            return false;
        }
    }

    // ---- schema inference ---------------------------------------------------------------------------

    private static DataType[] infer(EmberContext sc, List<Split> splits, CsvOptions o, int columns,
                                   ScanSettings settings, FileReadOptions files) {
        DataType[] merged = new DataType[columns];
        java.util.Arrays.fill(merged, DataTypes.NullType);
        if (splits.isEmpty()) {
            java.util.Arrays.fill(merged, DataTypes.StringType);
            return merged;
        }
        String zone = settings.timeZone();
        List<DataType[]> parts = sc.runJob(sc.parallelize(splits, splits.size()),
                (tc, it) -> {
                    Split split = it.next();
                    try {
                        return inferSplit(split, o, columns, zone);
                    } catch (RuntimeException e) {
                        if (files.skips(split.file(), e)) {
                            DataType[] none = new DataType[columns];
                            java.util.Arrays.fill(none, DataTypes.NullType);
                            return none;
                        }
                        throw e;
                    }
                });
        for (DataType[] p : parts) {
            for (int i = 0; i < columns; i++) {
                merged[i] = mergeTypes(merged[i], p[i]);
            }
        }
        for (int i = 0; i < columns; i++) {
            if (merged[i] instanceof NullType) {
                merged[i] = DataTypes.StringType;
            }
        }
        return merged;
    }

    private static DataType[] inferSplit(Split split, CsvOptions o, int columns, String zone) {
        DataType[] types = new DataType[columns];
        java.util.Arrays.fill(types, DataTypes.NullType);
        CsvRecordReader lines = new CsvRecordReader(new SplitLineReader(split.file(), split.start(), split.end(),
                split.gzip(), Charset.forName(o.encoding())), o);
        CsvLineParser parser = new CsvLineParser(o);
        ZoneId z = ZoneId.of(zone);
        try {
            boolean skipHeader = split.start() == 0 && o.header();
            String line;
            while ((line = lines.next()) != null) {
                if (line.isEmpty() || (o.comment() != null && line.charAt(0) == o.comment())) {
                    continue;
                }
                if (skipHeader) {
                    skipHeader = false;
                    continue;
                }
                String[] tokens = parser.parse(line);
                if (tokens == null || tokens.length != columns) {
                    continue;
                }
                for (int i = 0; i < columns; i++) {
                    String raw = tokens[i];
                    if (raw == null || raw.equals(o.nullValue())) {
                        continue;
                    }
                    types[i] = mergeTypes(types[i], inferValue(raw, o, z));
                }
            }
        } finally {
            lines.close();
        }
        return types;
    }

    private static DataType inferValue(String raw, CsvOptions o, ZoneId zone) {
        if (raw.isEmpty()) {
            return DataTypes.NullType;
        }
        char c = raw.charAt(0);
        if (c == '-' || c == '+' || Character.isDigit(c)) {
            try {
                Integer.parseInt(raw);
                return DataTypes.IntegerType;
            } catch (NumberFormatException e) {
                // wider
            }
            try {
                Long.parseLong(raw);
                return DataTypes.LongType;
            } catch (NumberFormatException e) {
                // wider
            }
        }
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return DataTypes.BooleanType;
        }
        if (raw.length() >= 10 && Character.isDigit(c) && raw.charAt(4) == '-') {
            if (raw.length() == 10 && DateTimeParsing.parseDate(raw) != null) {
                return DataTypes.DateType;
            }
            Long t = o.timestampFormat() != null ? DateTimeParsing.parseTimestamp(raw, o.timestampFormat(), zone)
                    : DateTimeParsing.parseTimestamp(raw, zone);
            if (t != null) {
                return DataTypes.TimestampType;
            }
        }
        Double d = Cast.parseDouble(raw);
        if (d != null && !raw.endsWith(".")) {
            return DataTypes.DoubleType;
        }
        return DataTypes.StringType;
    }

    static DataType mergeTypes(DataType a, DataType b) {
        if (a.equals(b) || b instanceof NullType) {
            return a;
        }
        if (a instanceof NullType) {
            return b;
        }
        if (isIntegral(a) && isIntegral(b)) {
            return DataTypes.LongType;
        }
        if ((isIntegral(a) || a instanceof DoubleType) && (isIntegral(b) || b instanceof DoubleType)) {
            return DataTypes.DoubleType;
        }
        if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    private static boolean isIntegral(DataType t) {
        return t instanceof IntegerType || t instanceof LongType;
    }
}
