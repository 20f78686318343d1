package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Int128;
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
import java.math.BigInteger;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file of flat columns written a column at a time: each batch's vectors go straight to
 * Apache Parquet's {@link ColumnWriter}s (the encoders, pages, statistics and row groups stay
 * Parquet's), one typed loop per column, instead of value by value through a record consumer
 * that dispatches on the schema for every field of every row. Row groups are cut, as
 * {@code ParquetWriter} cuts them, once the buffered data reaches the row group size, checked
 * after each batch. Nested columns need repetition levels: {@link ParquetOutput} writes those
 * through the record path.
 */
final class ParquetColumnWriter implements OutputFormat.FileWriter {
    private final ParquetFileWriter file;
    private final MessageType message;
    private final DataType[] types;
    private final ColumnDescriptor[] columns;
    private final ParquetProperties props;
    private final CodecFactory codecs;
    private final CodecFactory.BytesCompressor compressor;
    private final long rowGroupSize;
    private final Map<String, String> metadata;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private long rowsInGroup;

    ParquetColumnWriter(OutputFile out, MessageType message, StructType schema, CompressionCodecName codec,
                        long rowGroupSize, Map<String, String> metadata) throws IOException {
        this.message = message;
        this.props = ParquetProperties.builder().build();
        this.file = new ParquetFileWriter(out, message, ParquetFileWriter.Mode.OVERWRITE, rowGroupSize,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT, props.getColumnIndexTruncateLength(),
                props.getStatisticsTruncateLength(), props.getPageWriteChecksumEnabled());
        this.types = new DataType[schema.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = schema.apply(i).dataType();
        }
        this.columns = message.getColumns().toArray(new ColumnDescriptor[0]);
        this.codecs = new CodecFactory(new PlainParquetConfiguration(), props.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(codec);
        this.rowGroupSize = rowGroupSize;
        this.metadata = metadata;
        file.start();
        startRowGroup();
    }

    /** Whether every field of {@code schema} is one Parquet column (no arrays, maps or structs). */
    static boolean handles(StructType schema) {
        for (int i = 0; i < schema.size(); i++) {
            DataType t = schema.apply(i).dataType();
            if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
                return false;
            }
        }
        return true;
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, message, props.getAllocator(),
                props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
        store = props.newColumnWriteStore(message, pages, pages);
        writers = new ColumnWriter[columns.length];
        for (int c = 0; c < columns.length; c++) {
            writers[c] = store.getColumnWriter(columns[c]);
        }
        rowsInGroup = 0;
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        int n = batch.numRows;
        for (int c = 0; c < columns.length; c++) {
            writeColumn(writers[c], columns[c].getMaxDefinitionLevel(), batch.columns[c], types[c], n);
        }
        // why: the store counts rows (and sizes up pages) on record ends; the values are all in already.
        for (int r = 0; r < n; r++) {
            store.endRecord();
        }
        rowsInGroup += n;
        if (store.getBufferedSize() >= rowGroupSize) {
            flushRowGroup();
            startRowGroup();
        }
    }

    private static void writeColumn(ColumnWriter w, int present, ColumnVector v, DataType type, int n) {
        int absent = present - 1;
        boolean[] nulls = v.nulls;
        // A vector laid out unlike its type (a void column among strings) goes the object way.
        int kind = v.kind == ColumnVector.kindOf(type) ? v.kind : ColumnVector.OBJECT;
        switch (kind) {
            case ColumnVector.BOOLEAN -> {
                for (int r = 0; r < n; r++) {
                    if (nulls != null && nulls[r]) {
                        w.writeNull(0, absent);
                    } else {
                        w.write(v.booleans[r], 0, present);
                    }
                }
            }
            case ColumnVector.INT -> {
                for (int r = 0; r < n; r++) {
                    if (nulls != null && nulls[r]) {
                        w.writeNull(0, absent);
                    } else {
                        w.write(v.ints[r], 0, present);
                    }
                }
            }
            case ColumnVector.LONG -> {
                for (int r = 0; r < n; r++) {
                    if (nulls != null && nulls[r]) {
                        w.writeNull(0, absent);
                    } else {
                        w.write(v.longs[r], 0, present);
                    }
                }
            }
            case ColumnVector.DOUBLE -> {
                for (int r = 0; r < n; r++) {
                    if (nulls != null && nulls[r]) {
                        w.writeNull(0, absent);
                    } else {
                        w.write(v.doubles[r], 0, present);
                    }
                }
            }
            case ColumnVector.DECIMAL -> {
                boolean asInt = ((DecimalType) type).precision() <= 9;
                for (int r = 0; r < n; r++) {
                    if (nulls != null && nulls[r]) {
                        w.writeNull(0, absent);
                    } else if (asInt) {
                        w.write((int) v.longs[r], 0, present);
                    } else {
                        w.write(v.longs[r], 0, present);
                    }
                }
            }
            case ColumnVector.WIDE_DECIMAL -> {
                int length = ParquetSchemas.decimalBytes(((DecimalType) type).precision());
                for (int r = 0; r < n; r++) {
                    if (nulls != null && nulls[r]) {
                        w.writeNull(0, absent);
                    } else {
                        w.write(Binary.fromConstantByteArray(Int128.toBigEndian(v.highs[r], v.longs[r], length)),
                                0, present);
                    }
                }
            }
            case ColumnVector.STRING -> {
                for (int r = 0; r < n; r++) {
                    if (nulls != null && nulls[r]) {
                        w.writeNull(0, absent);
                    } else {
                        // Reused, not constant: Parquet copies what it keeps (dictionary entries,
                        // statistics), so no batch's whole byte array stays reachable from it.
                        w.write(Binary.fromReusedByteArray(v.bytes, v.offsets[r], v.lengths[r]), 0, present);
                    }
                }
            }
            default -> {
                for (int r = 0; r < n; r++) {
                    if (v.isNull(r)) {
                        w.writeNull(0, absent);
                    } else {
                        writeObject(w, v.get(r), type, present);
                    }
                }
            }
        }
    }

    /**
     * One non-null value given as its internal object, written as its type's Parquet column holds
     * it: the path for values kept as objects (binaries, decimals too wide for a long) and for
     * vectors laid out unlike their type.
     */
    private static void writeObject(ColumnWriter w, Object o, DataType t, int present) {
        if (t instanceof BooleanType) {
            w.write((Boolean) o, 0, present);
        } else if (t instanceof IntegerType || t instanceof DateType) {
            w.write(((Number) o).intValue(), 0, present);
        } else if (t instanceof LongType || t instanceof TimestampType) {
            w.write(((Number) o).longValue(), 0, present);
        } else if (t instanceof DoubleType) {
            w.write(((Number) o).doubleValue(), 0, present);
        } else if (t instanceof StringType) {
            w.write(Binary.fromString((String) o), 0, present);
        } else if (t instanceof DecimalType d) {
            BigInteger unscaled = ((BigDecimal) o).setScale(d.scale()).unscaledValue();
            if (d.precision() <= 9) {
                w.write(unscaled.intValueExact(), 0, present);
            } else if (d.precision() <= 18) {
                w.write(unscaled.longValueExact(), 0, present);
            } else {
                w.write(Binary.fromConstantByteArray(ParquetDecimalBytes.fixed(unscaled.toByteArray(),
                        ParquetSchemas.decimalBytes(d.precision()))), 0, present);
            }
        } else {
            w.write(Binary.fromConstantByteArray((byte[]) o), 0, present);
        }
    }

    private void flushRowGroup() throws IOException {
        if (rowsInGroup > 0) {
            file.startBlock(rowsInGroup);
            store.flush();
            pages.flushToFileWriter(file);
            file.endBlock();
        }
        store.close();
        pages.close();
    }

    @Override
    public void close() throws IOException {
        try {
            flushRowGroup();
            file.end(metadata);
        } finally {
            codecs.release();
        }
    }
}
