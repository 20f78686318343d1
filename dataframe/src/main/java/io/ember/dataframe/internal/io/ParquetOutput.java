package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.MapData;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet output through Apache Parquet's writer: flat schemas a column at a time straight into
 * its column writers ({@link ParquetColumnWriter}); schemas with arrays, maps or structs a row at
 * a time through a {@link WriteSupport} (Spark's three-level LIST and MAP layouts). Snappy by default; {@code compression} zstd,
 * gzip or none; {@code parquet.block.size} sets the row group size (128 MB default).
 */
public record ParquetOutput(String compression, long rowGroupSize) implements OutputFormat {
    /** The option names Parquet writing knows. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("compression", "codec", "parquet.block.size");
    private static final String MODEL_KEY = "writer.model.name";
    private static final String MODEL = "ember";

    /**
     * The output the options ask for: {@code compression} (snappy, zstd, gzip, none; the session's
     * {@code spark.sql.parquet.compression.codec} by default) and {@code parquet.block.size}.
     *
     * @throws IllegalArgumentException naming a bad option value
     */
    public static ParquetOutput from(DataSources.WriteRequest w) {
        String codec = w.options().get("compression", w.options().get("codec", w.defaultParquetCompression()))
                .toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("snappy", "zstd", "gzip", "none", "uncompressed").contains(codec)) {
            throw new IllegalArgumentException("Option 'compression' must be snappy, zstd, gzip or none, got '"
                    + codec + "'");
        }
        String size = w.options().get("parquet.block.size", "134217728");
        long bytes;
        try {
            bytes = Long.parseLong(size);
        } catch (NumberFormatException e) {
            bytes = 0;
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("Option 'parquet.block.size' must be a positive number of bytes, got '"
                    + size + "'");
        }
        return new ParquetOutput(codec.equals("uncompressed") ? "none" : codec, bytes);
    }

    @Override
    public String extension() {
        return compression.equals("none") ? ".parquet" : "." + compression + ".parquet";
    }

    private CompressionCodecName codec() {
        return switch (compression) {
            case "zstd" -> CompressionCodecName.ZSTD;
            case "gzip" -> CompressionCodecName.GZIP;
            case "none" -> CompressionCodecName.UNCOMPRESSED;
            default -> CompressionCodecName.SNAPPY;
        };
    }

    @Override
    public FileWriter open(Path file, StructType schema) throws IOException {
        Files.createDirectories(file.getParent());
        if (ParquetColumnWriter.handles(schema)) {
            return new ParquetColumnWriter(new LocalOutputFile(file), ParquetSchemas.toMessage(schema), schema, codec(),
                    rowGroupSize, Map.of(MODEL_KEY, MODEL));
        }
        BatchWriteSupport support = new BatchWriteSupport(ParquetSchemas.toMessage(schema), schema);
        ParquetWriter<Integer> writer = new Builder(new LocalOutputFile(file), support)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(codec())
                .withRowGroupSize(rowGroupSize)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
        return new FileWriter() {
            @Override
            public void write(ColumnBatch batch) throws IOException {
                support.batch = batch;
                for (int r = 0; r < batch.numRows; r++) {
                    writer.write(r);
                }
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final BatchWriteSupport support;

        Builder(LocalOutputFile file, BatchWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }

    /** Writes row {@code r} of the current batch. */
    private static final class BatchWriteSupport extends WriteSupport<Integer> {
        private final MessageType message;
        private final DataType[] types;
        private final String[] names;
        private RecordConsumer out;
        ColumnBatch batch;

        BatchWriteSupport(MessageType message, StructType schema) {
            this.message = message;
            this.types = new DataType[schema.size()];
            this.names = schema.fieldNames();
            for (int i = 0; i < types.length; i++) {
                types[i] = schema.apply(i).dataType();
            }
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return context();
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return context();
        }

        private WriteContext context() {
            Map<String, String> meta = new HashMap<>();
            meta.put(MODEL_KEY, MODEL);
            return new WriteContext(message, meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Integer row) {
            int r = row;
            out.startMessage();
            for (int c = 0; c < types.length; c++) {
                ColumnVector v = batch.columns[c];
                if (v.isNull(r)) {
                    continue;
                }
                out.startField(names[c], c);
                DataType t = types[c];
                switch (v.kind) {
                    case ColumnVector.BOOLEAN -> out.addBoolean(v.booleans[r]);
                    case ColumnVector.INT -> out.addInteger(v.ints[r]);
                    case ColumnVector.LONG -> out.addLong(v.longs[r]);
                    case ColumnVector.DOUBLE -> out.addDouble(v.doubles[r]);
                    case ColumnVector.STRING -> out.addBinary(Binary.fromConstantByteArray(v.getUtf8(r)));
                    case ColumnVector.DECIMAL -> {
                        if (((DecimalType) t).precision() <= 9) {
                            out.addInteger((int) v.longs[r]);
                        } else {
                            out.addLong(v.longs[r]);
                        }
                    }
                    default -> value(v.get(r), t);
                }
                out.endField(names[c], c);
            }
            out.endMessage();
        }

        /**
         * Writes one non-null internal value of {@code t}: nested values as the groups of
         * {@link ParquetSchemas#toMessage} (LIST {@code list.element}, MAP {@code key_value}), a
         * null element or field by leaving its field out.
         */
        private void value(Object o, DataType t) {
            if (t instanceof ArrayType a) {
                List<?> list = (List<?>) o;
                out.startGroup();
                if (!list.isEmpty()) {
                    out.startField("list", 0);
                    for (Object e : list) {
                        out.startGroup();
                        optionalField("element", 0, e, a.elementType());
                        out.endGroup();
                    }
                    out.endField("list", 0);
                }
                out.endGroup();
            } else if (t instanceof MapType m) {
                MapData map = (MapData) o;
                out.startGroup();
                if (map.size() > 0) {
                    out.startField("key_value", 0);
                    for (int i = 0; i < map.size(); i++) {
                        out.startGroup();
                        optionalField("key", 0, map.keys().get(i), m.keyType());
                        optionalField("value", 1, map.values().get(i), m.valueType());
                        out.endGroup();
                    }
                    out.endField("key_value", 0);
                }
                out.endGroup();
            } else if (t instanceof StructType s) {
                List<?> fields = (List<?>) o;
                out.startGroup();
                for (int i = 0; i < fields.size(); i++) {
                    optionalField(s.apply(i).name(), i, fields.get(i), s.apply(i).dataType());
                }
                out.endGroup();
            } else if (t instanceof BooleanType) {
                out.addBoolean((Boolean) o);
            } else if (t instanceof IntegerType || t instanceof DateType) {
                out.addInteger((Integer) o);
            } else if (t instanceof LongType || t instanceof TimestampType) {
                out.addLong((Long) o);
            } else if (t instanceof DoubleType) {
                out.addDouble((Double) o);
            } else if (t instanceof StringType) {
                out.addBinary(Binary.fromString((String) o));
            } else if (t instanceof DecimalType d) {
                BigDecimal dec = ((BigDecimal) o).setScale(d.scale());
                if (d.precision() <= 9) {
                    out.addInteger(dec.unscaledValue().intValueExact());
                } else if (d.precision() <= 18) {
                    out.addLong(dec.unscaledValue().longValueExact());
                } else {
                    out.addBinary(Binary.fromConstantByteArray(ParquetDecimalBytes.fixed(dec.unscaledValue().toByteArray(),
                            ParquetSchemas.decimalBytes(d.precision()))));
                }
            } else {
                out.addBinary(Binary.fromConstantByteArray((byte[]) o));
            }
        }

        private void optionalField(String name, int index, Object v, DataType t) {
            if (v != null) {
                out.startField(name, index);
                value(v, t);
                out.endField(name, index);
            }
        }
    }
}
