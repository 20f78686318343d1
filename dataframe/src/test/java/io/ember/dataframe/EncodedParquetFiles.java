package io.ember.dataframe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.deltalengthbytearray.DeltaLengthByteArrayValuesWriter;
import org.apache.parquet.column.values.deltastrings.DeltaByteArrayWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.plain.BooleanPlainValuesWriter;
import org.apache.parquet.column.values.plain.FixedLenByteArrayPlainValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridValuesWriter;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Writes Parquet files page by page with parquet-mr's own value writers and its low-level
 * {@link ParquetFileWriter}, so that every column uses exactly the encoding asked for (the
 * high-level writer picks encodings itself and never writes some of them), in data pages v1 or
 * v2, snappy-compressed, with {@link ParquetTestColumns#PAGE_ROWS} rows per page.
 */
final class EncodedParquetFiles {
    private static final ByteBufferAllocator HEAP = new HeapByteBufferAllocator();
    private static final int PAGE_BYTES = 1 << 20;

    private EncodedParquetFiles() {
    }

    /** Writes {@code rows} rows of {@code cols} in row groups of {@code groupRows}, every column in {@code encoding}. */
    static void write(Path file, List<ParquetTestColumns.Col> cols, Encoding encoding, boolean v2, int rows, int groupRows)
            throws IOException {
        MessageType schema = new MessageType("m", cols.stream().map(c -> (org.apache.parquet.schema.Type) c.type()).toList());
        CompressionCodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), PAGE_BYTES);
        CompressionCodecFactory.BytesInputCompressor snappy = codecs.getCompressor(CompressionCodecName.SNAPPY);
        ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.CREATE,
                128 << 20, 0);
        w.start();
        for (int from = 0; from < rows; from += groupRows) {
            int to = Math.min(rows, from + groupRows);
            w.startBlock(to - from);
            for (ParquetTestColumns.Col c : cols) {
                ColumnDescriptor d = schema.getColumnDescription(new String[] {c.name()});
                w.startColumn(d, to - from, CompressionCodecName.SNAPPY);
                writeChunk(w, snappy, c, encoding, v2, from, to);
                w.endColumn();
            }
            w.endBlock();
        }
        w.end(Map.of());
        codecs.release();
    }

    private record EncodedPage(int rows, int nulls, BytesInput levels, BytesInput values) {
    }

    private static void writeChunk(ParquetFileWriter w, CompressionCodecFactory.BytesInputCompressor codec,
                                   ParquetTestColumns.Col c, Encoding encoding, boolean v2, int from, int to)
            throws IOException {
        PrimitiveType type = c.type();
        ValuesWriter values = valuesWriter(type, encoding, v2);
        Encoding pageEncoding = values.getEncoding();
        List<EncodedPage> pages = new ArrayList<>();
        for (int start = from; start < to; start += ParquetTestColumns.PAGE_ROWS) {
            int end = Math.min(to, start + ParquetTestColumns.PAGE_ROWS);
            RunLengthBitPackingHybridEncoder levels = new RunLengthBitPackingHybridEncoder(1, 64, PAGE_BYTES, HEAP);
            int nulls = 0;
            for (int i = start; i < end; i++) {
                Object v = c.stored().apply(i);
                levels.writeInt(v == null ? 0 : 1);
                if (v == null) {
                    nulls++;
                } else {
                    writeValue(values, type, v);
                }
            }
            BytesInput levelBytes = BytesInput.copy(levels.toBytes());
            if (!v2) {
                levelBytes = BytesInput.concat(BytesInput.fromInt((int) levelBytes.size()), levelBytes);
            }
            pages.add(new EncodedPage(end - start, nulls, levelBytes, BytesInput.copy(values.getBytes())));
            values.reset();
        }
        DictionaryPage dictionary = values.toDictPageAndClose();
        if (dictionary != null) {
            w.writeDictionaryPage(new DictionaryPage(codec.compress(dictionary.getBytes()),
                    (int) dictionary.getBytes().size(), dictionary.getDictionarySize(), dictionary.getEncoding()));
        }
        Statistics<?> none = Statistics.getBuilderForReading(type).build();
        for (EncodedPage p : pages) {
            if (v2) {
                w.writeDataPageV2(p.rows(), p.nulls(), p.rows(), BytesInput.empty(), p.levels(), pageEncoding,
                        codec.compress(p.values()), (int) p.values().size(), none);
            } else {
                BytesInput page = BytesInput.concat(p.levels(), p.values());
                w.writeDataPage(p.rows(), (int) page.size(), codec.compress(page), none, Encoding.RLE, Encoding.RLE,
                        pageEncoding);
            }
        }
    }

    private static void writeValue(ValuesWriter w, PrimitiveType type, Object v) {
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> w.writeBoolean((Boolean) v);
            case INT32 -> w.writeInteger((Integer) v);
            case INT64 -> w.writeLong((Long) v);
            case FLOAT -> w.writeFloat((Float) v);
            case DOUBLE -> w.writeDouble((Double) v);
            default -> w.writeBytes((Binary) v);
        }
    }

    /** parquet-mr's writer of {@code encoding} for {@code type}. */
    static ValuesWriter valuesWriter(PrimitiveType type, Encoding encoding, boolean v2) {
        PrimitiveTypeName t = type.getPrimitiveTypeName();
        int length = t == PrimitiveTypeName.INT96 ? 12 : type.getTypeLength();
        boolean fixed = t == PrimitiveTypeName.INT96 || t == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
        switch (encoding) {
            case PLAIN:
                if (t == PrimitiveTypeName.BOOLEAN) {
                    return new BooleanPlainValuesWriter();
                }
                return fixed ? new FixedLenByteArrayPlainValuesWriter(length, 64, PAGE_BYTES, HEAP)
                        : new PlainValuesWriter(64, PAGE_BYTES, HEAP);
            case RLE_DICTIONARY:
            case PLAIN_DICTIONARY: {
                Encoding data = v2 ? Encoding.RLE_DICTIONARY : Encoding.PLAIN_DICTIONARY;
                Encoding dict = v2 ? Encoding.PLAIN : Encoding.PLAIN_DICTIONARY;
                return switch (t) {
                    case INT32 -> new DictionaryValuesWriter.PlainIntegerDictionaryValuesWriter(PAGE_BYTES, data, dict, HEAP);
                    case INT64 -> new DictionaryValuesWriter.PlainLongDictionaryValuesWriter(PAGE_BYTES, data, dict, HEAP);
                    case FLOAT -> new DictionaryValuesWriter.PlainFloatDictionaryValuesWriter(PAGE_BYTES, data, dict, HEAP);
                    case DOUBLE -> new DictionaryValuesWriter.PlainDoubleDictionaryValuesWriter(PAGE_BYTES, data, dict, HEAP);
                    case BINARY -> new DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter(PAGE_BYTES, data, dict, HEAP);
                    default -> new DictionaryValuesWriter.PlainFixedLenArrayDictionaryValuesWriter(PAGE_BYTES, length, data,
                            dict, HEAP);
                };
            }
            case RLE:
                return new RunLengthBitPackingHybridValuesWriter(1, 64, PAGE_BYTES, HEAP);
            case DELTA_BINARY_PACKED:
                return t == PrimitiveTypeName.INT32 ? new DeltaBinaryPackingValuesWriterForInteger(64, PAGE_BYTES, HEAP)
                        : new DeltaBinaryPackingValuesWriterForLong(64, PAGE_BYTES, HEAP);
            case DELTA_LENGTH_BYTE_ARRAY:
                return new DeltaLengthByteArrayValuesWriter(64, PAGE_BYTES, HEAP);
            case DELTA_BYTE_ARRAY:
                return new DeltaByteArrayWriter(64, PAGE_BYTES, HEAP);
            case BYTE_STREAM_SPLIT:
                return switch (t) {
                    case INT32 -> new ByteStreamSplitValuesWriter.IntegerByteStreamSplitValuesWriter(64, PAGE_BYTES, HEAP);
                    case INT64 -> new ByteStreamSplitValuesWriter.LongByteStreamSplitValuesWriter(64, PAGE_BYTES, HEAP);
                    case FLOAT -> new ByteStreamSplitValuesWriter.FloatByteStreamSplitValuesWriter(64, PAGE_BYTES, HEAP);
                    case DOUBLE -> new ByteStreamSplitValuesWriter.DoubleByteStreamSplitValuesWriter(64, PAGE_BYTES, HEAP);
                    default -> new ByteStreamSplitValuesWriter.FixedLenByteArrayByteStreamSplitValuesWriter(length, 64,
                            PAGE_BYTES, HEAP);
                };
            default:
                throw new IllegalArgumentException("no writer for " + encoding);
        }
    }
}
