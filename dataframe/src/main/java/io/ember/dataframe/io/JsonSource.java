package io.ember.dataframe.io;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.batch.ColumnBatch;
import io.ember.dataframe.batch.ColumnVector;
import io.ember.dataframe.batch.Values;
import io.ember.dataframe.expressions.Cast;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * JSON lines: one object per line, its fields becoming columns. Without a schema, the schema is
 * inferred over all the data (a job): field names in order of first appearance, numbers as bigint
 * or double, nested objects and arrays kept as their JSON text. A line that is not a JSON object
 * gives a row of nulls (Spark's PERMISSIVE mode).
 */
public final class JsonSource implements FileSource {
    private final FileIndex index;
    private final StructType dataSchema;
    private final StructType schema;

    private JsonSource(FileIndex index, StructType dataSchema) {
        this.index = index;
        this.dataSchema = dataSchema;
        StructType s = dataSchema;
        for (StructField f : index.partitionSchema()) {
            s = s.add(f);
        }
        this.schema = s;
    }

    /** A source with {@code userSchema}, or with a schema inferred from the data. */
    public static JsonSource create(EmberContext sc, FileIndex index, StructType userSchema, ScanSettings settings) {
        if (userSchema != null) {
            return new JsonSource(index, userSchema);
        }
        List<CsvSource.Split> splits = CsvSource.splits(index, settings, sc.defaultParallelism(), List.of(),
                new StructType());
        Map<String, DataType> merged = new LinkedHashMap<>();
        if (!splits.isEmpty()) {
            List<LinkedHashMap<String, DataType>> parts = sc.runJob(sc.parallelize(splits, splits.size()),
                    (tc, it) -> inferSplit(it.next()));
            for (Map<String, DataType> p : parts) {
                p.forEach((k, v) -> merged.merge(k, v, CsvSource::mergeTypes));
            }
        }
        if (merged.isEmpty()) {
            throw new AnalysisException("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for JSON at " + index.roots()
                    + ". It must be specified manually.");
        }
        StructType s = new StructType();
        for (Map.Entry<String, DataType> e : merged.entrySet()) {
            s = s.add(e.getKey(), e.getValue() instanceof NullType ? DataTypes.StringType : e.getValue(), true);
        }
        return new JsonSource(index, s);
    }

    private static LinkedHashMap<String, DataType> inferSplit(CsvSource.Split split) {
        LinkedHashMap<String, DataType> types = new LinkedHashMap<>();
        SplitLineReader lines = new SplitLineReader(split.file(), split.start(), split.end(), split.gzip(),
                StandardCharsets.UTF_8);
        try {
            String line;
            while ((line = lines.next()) != null) {
                Map<String, Object> obj = parseObject(line);
                if (obj == null) {
                    continue;
                }
                for (Map.Entry<String, Object> e : obj.entrySet()) {
                    DataType t = typeOf(e.getValue());
                    types.merge(e.getKey(), t, CsvSource::mergeTypes);
                }
            }
        } finally {
            lines.close();
        }
        return types;
    }

    private static DataType typeOf(Object v) {
        if (v == null) {
            return DataTypes.NullType;
        }
        if (v instanceof Boolean) {
            return DataTypes.BooleanType;
        }
        if (v instanceof Long) {
            return DataTypes.LongType;
        }
        if (v instanceof Double) {
            return DataTypes.DoubleType;
        }
        return DataTypes.StringType;
    }

    @Override
    public String format() {
        return "json";
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

    record Spec(StructType dataSchema, StructType partitionSchema, int[] required, int batchSize, String zone)
            implements Serializable {
    }

    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings) {
        List<CsvSource.Split> splits = CsvSource.splits(index, settings, sc.defaultParallelism(), filters,
                index.partitionSchema());
        Spec spec = new Spec(dataSchema, index.partitionSchema(), required, settings.batchSize(), settings.timeZone());
        if (splits.isEmpty()) {
            return sc.parallelize(List.<CsvSource.Split>of(), 1).mapPartitions(it -> Collections.emptyIterator());
        }
        return sc.parallelize(splits, splits.size()).mapPartitions(it -> read(it.next(), spec));
    }

    private static Iterator<ColumnBatch> read(CsvSource.Split split, Spec spec) {
        SplitLineReader lines = new SplitLineReader(split.file(), split.start(), split.end(), split.gzip(),
                StandardCharsets.UTF_8);
        StructField[] data = spec.dataSchema().fields();
        ZoneId zone = ZoneId.of(spec.zone());
        return new Iterator<>() {
            ColumnBatch next;
            boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    int[] req = spec.required();
                    ColumnVector[] cols = new ColumnVector[req.length];
                    for (int c = 0; c < req.length; c++) {
                        DataType t = req[c] < data.length ? data[req[c]].dataType()
                                : spec.partitionSchema().apply(req[c] - data.length).dataType();
                        cols[c] = ColumnVector.allocate(t, 256);
                    }
                    int n = 0;
                    String line;
                    while (n < spec.batchSize() && (line = lines.next()) != null) {
                        if (line.isBlank()) {
                            continue;
                        }
                        Map<String, Object> obj = parseObject(line);
                        for (int c = 0; c < req.length; c++) {
                            if (req[c] >= data.length) {
                                StructField p = spec.partitionSchema().apply(req[c] - data.length);
                                cols[c].append(FileIndex.partitionValue(split.partitionValues().get(p.name()), p.dataType()));
                                continue;
                            }
                            Object v = obj == null ? null : obj.get(data[req[c]].name());
                            cols[c].append(convert(v, data[req[c]].dataType(), zone));
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

    private static Object convert(Object v, DataType t, ZoneId zone) {
        if (v == null) {
            return null;
        }
        DataType from = v instanceof Boolean ? DataTypes.BooleanType : v instanceof Long ? DataTypes.LongType
                : v instanceof Double ? DataTypes.DoubleType : DataTypes.StringType;
        if (t instanceof StringType) {
            return v instanceof String s ? s : v.toString();
        }
        if (v instanceof Double d && t instanceof io.ember.dataframe.types.DecimalType dt) {
            return Values.toDecimal(new BigDecimal(d.toString()), dt);
        }
        return Cast.convert(v, from, t, zone);
    }

    // ---- a small JSON parser: objects of scalars; nested values are kept as their text ----------------

    static Map<String, Object> parseObject(String s) {
        try {
            int[] pos = {skip(s, 0)};
            if (pos[0] >= s.length() || s.charAt(pos[0]) != '{') {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            pos[0] = skip(s, pos[0] + 1);
            if (s.charAt(pos[0]) == '}') {
                return out;
            }
            while (true) {
                String key = string(s, pos);
                pos[0] = skip(s, pos[0]);
                if (s.charAt(pos[0]) != ':') {
                    return null;
                }
                pos[0] = skip(s, pos[0] + 1);
                out.put(key, value(s, pos));
                pos[0] = skip(s, pos[0]);
                char c = s.charAt(pos[0]);
                if (c == '}') {
                    return out;
                }
                if (c != ',') {
                    return null;
                }
                pos[0] = skip(s, pos[0] + 1);
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Object value(String s, int[] pos) {
        char c = s.charAt(pos[0]);
        if (c == '"') {
            return string(s, pos);
        }
        if (c == '{' || c == '[') {
            int start = pos[0];
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < s.length(); i++) {
                char x = s.charAt(i);
                if (inString) {
                    if (x == '\\') {
                        i++;
                    } else if (x == '"') {
                        inString = false;
                    }
                } else if (x == '"') {
                    inString = true;
                } else if (x == '{' || x == '[') {
                    depth++;
                } else if (x == '}' || x == ']') {
                    depth--;
                    if (depth == 0) {
                        pos[0] = i + 1;
                        return s.substring(start, i + 1);
                    }
                }
            }
            throw new IllegalArgumentException("unterminated");
        }
        int start = pos[0];
        while (pos[0] < s.length() && ",}] \t".indexOf(s.charAt(pos[0])) < 0) {
            pos[0]++;
        }
        String word = s.substring(start, pos[0]);
        switch (word) {
            case "null":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                if (word.contains(".") || word.contains("e") || word.contains("E")) {
                    return Double.parseDouble(word);
                }
                try {
                    return Long.parseLong(word);
                } catch (NumberFormatException e) {
                    return Double.parseDouble(word);
                }
        }
    }

    private static String string(String s, int[] pos) {
        if (s.charAt(pos[0]) != '"') {
            throw new IllegalArgumentException("expected a string");
        }
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1;
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos[0] = i;
        return sb.toString();
    }

}
