package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.MapData;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * JSON lines output ({@code df.write().json(path)}): one object per row, fields in column order,
 * null fields left out (Spark's {@code ignoreNullFields}). Numbers are written exactly (decimals
 * in plain notation; NaN and infinities as the strings Spark writes), dates as
 * {@code yyyy-MM-dd}, timestamps as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the session time zone,
 * binary as base64, arrays as JSON arrays, maps and structs as JSON objects. {@code compression}: none or gzip.
 */
public record JsonOutput(String codec, String lineSep, String timeZone) implements OutputFormat {
    /** The option names, in Spark's spelling. */
    public static final Set<String> NAMES = Set.of("compression", "codec", "lineSep");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /**
     * The output the options ask for.
     *
     * @throws IllegalArgumentException naming a bad option value
     */
    public static JsonOutput from(DataSourceOptions o, String timeZone) {
        String sep = o.get("lineSep", "\n");
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("Option 'lineSep' must not be empty");
        }
        return new JsonOutput(TextFileOutputs.codec("JSON", o.get("compression", o.get("codec"))), sep, timeZone);
    }

    @Override
    public String extension() {
        return codec.equals("gzip") ? ".json.gz" : ".json";
    }

    @Override
    public FileWriter open(Path file, StructType schema) throws IOException {
        Writer out = TextFileOutputs.open(file, codec);
        ZoneId zone = ZoneId.of(timeZone);
        String[] names = schema.fieldNames();
        StringBuilder sb = new StringBuilder();
        return new FileWriter() {
            @Override
            public void write(ColumnBatch batch) throws IOException {
                for (int r = 0; r < batch.numRows; r++) {
                    sb.setLength(0);
                    sb.append('{');
                    boolean first = true;
                    for (int c = 0; c < names.length; c++) {
                        Object v = batch.columns[c].get(r);
                        if (v == null) {
                            continue;
                        }
                        if (!first) {
                            sb.append(',');
                        }
                        first = false;
                        quote(names[c], sb);
                        sb.append(':');
                        value(v, schema.apply(c).dataType(), zone, sb);
                    }
                    out.write(sb.append('}').append(lineSep).toString());
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** Appends the JSON of internal value {@code v} of {@code type}; a struct's null fields are left out. */
    static void value(Object v, DataType type, ZoneId zone, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (type instanceof IntegerType || type instanceof LongType || type instanceof BooleanType) {
            sb.append(v);
        } else if (type instanceof DoubleType) {
            double d = (Double) v;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                quote(Double.toString(d), sb);
            } else {
                sb.append(d);
            }
        } else if (type instanceof DecimalType) {
            sb.append(((java.math.BigDecimal) v).toPlainString());
        } else if (type instanceof DateType) {
            quote(Values.formatDate((Integer) v), sb);
        } else if (type instanceof TimestampType) {
            quote(TIMESTAMP.format(Values.microsToInstant((Long) v).atZone(zone)), sb);
        } else if (type instanceof BinaryType) {
            quote(Base64.getEncoder().encodeToString((byte[]) v), sb);
        } else if (type instanceof ArrayType a) {
            sb.append('[');
            List<?> list = (List<?>) v;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(list.get(i), a.elementType(), zone, sb);
            }
            sb.append(']');
        } else if (type instanceof MapType m) {
            sb.append('{');
            MapData map = (MapData) v;
            for (int i = 0; i < map.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(Values.format(map.keys().get(i), m.keyType(), zone), sb);
                sb.append(':');
                value(map.values().get(i), m.valueType(), zone, sb);
            }
            sb.append('}');
        } else if (type instanceof StructType s) {
            sb.append('{');
            List<?> fields = (List<?>) v;
            boolean first = true;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) != null) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    quote(s.apply(i).name(), sb);
                    sb.append(':');
                    value(fields.get(i), s.apply(i).dataType(), zone, sb);
                }
            }
            sb.append('}');
        } else {
            quote(Values.format(v, type, zone), sb);
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append(CsvSource.json(s));
    }
}
