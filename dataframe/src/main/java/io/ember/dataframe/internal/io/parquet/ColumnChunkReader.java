package io.ember.dataframe.internal.io.parquet;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads one flat column chunk of a row group, a batch at a time: walks its data pages (v1 and
 * v2, already decompressed by parquet-mr's page reader), decodes the definition levels of a
 * batch's share of a page into a null mask and hands the page's value decoder to a
 * {@link ColumnTarget}, which decodes the present values in bulk and builds the vector. A read
 * may keep only selected rows (late materialization): the levels of every row are still
 * decoded, the values of the other rows are skipped by the page decoders. The dictionary page,
 * if any, is decoded once, when the chunk is opened.
 *
 * <p>Mutable; owned by the task reading the row group.
 */
public final class ColumnChunkReader {
    private final ColumnDescriptor column;
    private final PageReader pages;
    private final ColumnTarget target;
    private final int maxDefinition;
    private final int levelBitWidth;
    private final Dictionary dictionary;

    private int pageRemaining;
    private RleBitPackedDecoder levels;
    private ValuesDecoder values;
    private boolean[] segmentNulls = new boolean[0];

    /**
     * A reader of {@code column}'s pages (one row group's) producing vectors of {@code type}.
     *
     * @throws IllegalStateException if the column is repeated (only flat columns are read), or
     *     its stored type cannot be read as {@code type}
     */
    public static ColumnChunkReader open(ColumnDescriptor column, PageReader pages, DataType type) {
        return new ColumnChunkReader(column, pages, ColumnTargets.of(column.getPrimitiveType(), type));
    }

    private ColumnChunkReader(ColumnDescriptor column, PageReader pages, ColumnTarget target) {
        if (column.getMaxRepetitionLevel() > 0) {
            throw new IllegalStateException("Parquet column " + String.join(".", column.getPath())
                    + " is repeated, which this reader does not support");
        }
        this.column = column;
        this.pages = pages;
        this.target = target;
        this.maxDefinition = column.getMaxDefinitionLevel();
        this.levelBitWidth = 32 - Integer.numberOfLeadingZeros(maxDefinition);
        DictionaryPage page = pages.readDictionaryPage();
        this.dictionary = page == null ? null : Dictionary.decode(bytes(page.getBytes()), page.getDictionarySize(),
                type().getPrimitiveTypeName(), fixedLength());
    }

    /** The next {@code n} values as a vector. */
    public ColumnVector read(int n) {
        return target.read(this, n);
    }

    /**
     * Of the next {@code n} values, only those of rows {@code selected[0..count)} (ascending
     * positions in {@code [0, n)}), as a vector of {@code count} values in that order. The values
     * of the other rows are skipped in the page decoders, not decoded.
     */
    public ColumnVector read(int n, int[] selected, int count) {
        return count == n ? target.read(this, n) : target.read(this, n, selected, count);
    }

    /**
     * Moves past the next {@code n} values without producing them. The rest of a page is
     * dropped at once; otherwise the definition levels say how many values the decoder skips.
     */
    public void skip(int n) {
        int done = 0;
        while (done < n) {
            int k = segment(n - done);
            if (k < pageRemaining) {
                values.skip(levels(segmentNulls(k), 0, k));
            }
            consumed(k);
            done += k;
        }
    }

    /** Receives the runs of consecutive selected rows of a {@link #walk}, in order. */
    @FunctionalInterface
    interface SelectedRun {
        /**
         * Takes {@code length} rows whose nulls are {@code nulls[from..from+length)}, of which
         * {@code present} are not null and are the next values of {@code values}.
         */
        void take(ValuesDecoder values, boolean[] nulls, int from, int length, int present);
    }

    /**
     * Walks the next {@code n} rows, reading every definition level: runs of rows that are not
     * {@code selected[0..count)} have their present values skipped, runs that are go to
     * {@code run}. The rest of a page without a selected row is dropped unread.
     */
    void walk(int n, int[] selected, int count, SelectedRun run) {
        int done = 0;
        int s = 0;
        while (done < n) {
            int k = segment(n - done);
            int end = done + k;
            if (k == pageRemaining && (s == count || selected[s] >= end)) {
                // No selected row in the rest of the page: drop it, as skip does.
                consumed(k);
                done = end;
                continue;
            }
            boolean[] nulls = segmentNulls(k);
            boolean dense = levels(nulls, 0, k) == k;
            int row = done;
            while (row < end) {
                int runEnd;
                if (s < count && selected[s] == row) {
                    runEnd = row + 1;
                    s++;
                    while (runEnd < end && s < count && selected[s] == runEnd) {
                        runEnd++;
                        s++;
                    }
                    int length = runEnd - row;
                    run.take(values, nulls, row - done, length, dense ? length : present(nulls, row - done, length));
                } else {
                    runEnd = s < count ? Math.min(selected[s], end) : end;
                    int length = runEnd - row;
                    int present = dense ? length : present(nulls, row - done, length);
                    if (present > 0) {
                        values.skip(present);
                    }
                }
                row = runEnd;
            }
            consumed(k);
            done = end;
        }
    }

    private static int present(boolean[] nulls, int from, int length) {
        int present = 0;
        for (int i = from; i < from + length; i++) {
            present += nulls[i] ? 0 : 1;
        }
        return present;
    }

    PrimitiveType type() {
        return column.getPrimitiveType();
    }

    /** Whether values may be null (the column is optional). */
    boolean nullable() {
        return maxDefinition > 0;
    }

    /** Opens pages until one has values left; returns how many of {@code wanted} it covers. */
    int segment(int wanted) {
        while (pageRemaining == 0) {
            DataPage page = pages.readPage();
            if (page == null) {
                throw new IllegalStateException("Parquet column chunk " + String.join(".", column.getPath())
                        + " has fewer values than its row group's row count");
            }
            open(page);
        }
        return Math.min(wanted, pageRemaining);
    }

    /**
     * Decodes the definition levels of the next {@code k} values into {@code nulls} from
     * {@code off} (which must be cleared) and returns how many values are present.
     */
    int levels(boolean[] nulls, int off, int k) {
        return levels == null ? k : levels.readNulls(nulls, off, k, maxDefinition);
    }

    /** The decoder of the current page's values. */
    ValuesDecoder values() {
        return values;
    }

    /** Marks {@code k} values (present or not) of the current page as read. */
    void consumed(int k) {
        pageRemaining -= k;
    }

    /**
     * A cleared null mask for a segment of {@code k} values, reused between segments; only for
     * targets that consume the mask before asking for the next segment.
     */
    boolean[] segmentNulls(int k) {
        if (segmentNulls.length < k) {
            segmentNulls = new boolean[Math.max(k, 2 * segmentNulls.length)];
        } else {
            Arrays.fill(segmentNulls, 0, k, false);
        }
        return segmentNulls;
    }

    private void open(DataPage page) {
        int count = page.getValueCount();
        if (page instanceof DataPageV1 v1) {
            PageBytes in = bytes(v1.getBytes());
            levels = null;
            if (maxDefinition > 0) {
                if (v1.getDlEncoding() != Encoding.RLE) {
                    throw new IllegalStateException("Parquet column " + String.join(".", column.getPath())
                            + " has definition levels encoded as " + v1.getDlEncoding() + ", which is not supported");
                }
                levels = new RleBitPackedDecoder(in.slice(in.readIntLE()), levelBitWidth);
            }
            values = decoder(v1.getValueEncoding(), in.rest(), count);
        } else if (page instanceof DataPageV2 v2) {
            levels = maxDefinition > 0 ? new RleBitPackedDecoder(bytes(v2.getDefinitionLevels()), levelBitWidth) : null;
            values = decoder(v2.getDataEncoding(), bytes(v2.getData()), count);
        } else {
            throw new IllegalStateException("Unknown Parquet data page " + page.getClass().getName());
        }
        pageRemaining = count;
    }

    private ValuesDecoder decoder(Encoding encoding, PageBytes in, int count) {
        return switch (encoding) {
            case PLAIN -> new PlainDecoder(in, type().getPrimitiveTypeName(), fixedLength());
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictionary == null) {
                    throw new IllegalStateException("Parquet column " + String.join(".", column.getPath())
                            + " has a " + encoding + " page but no dictionary page");
                }
                yield new DictionaryDecoder(dictionary, in, encoding.name());
            }
            case RLE -> new RleBooleanDecoder(in);
            case DELTA_BINARY_PACKED -> DeltaDecoder.binaryPacked(in, count);
            case DELTA_LENGTH_BYTE_ARRAY -> DeltaDecoder.lengthByteArray(in, count);
            case DELTA_BYTE_ARRAY -> DeltaDecoder.byteArray(in, count);
            case BYTE_STREAM_SPLIT -> new ByteStreamSplitDecoder(in, valueWidth());
            default -> throw new IllegalStateException("Parquet column " + String.join(".", column.getPath())
                    + " uses the encoding " + encoding + ", which is not supported");
        };
    }

    /** Bytes per value of fixed-size byte values (int96, fixed_len_byte_array), else -1. */
    private int fixedLength() {
        PrimitiveTypeName t = type().getPrimitiveTypeName();
        return t == PrimitiveTypeName.INT96 ? 12
                : t == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? type().getTypeLength() : -1;
    }

    private int valueWidth() {
        return switch (type().getPrimitiveTypeName()) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            default -> fixedLength();
        };
    }

    private static PageBytes bytes(BytesInput input) {
        try {
            ByteBuffer b = input.toByteBuffer();
            if (b.hasArray()) {
                return new PageBytes(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
            }
            byte[] copy = new byte[b.remaining()];
            b.duplicate().get(copy);
            return new PageBytes(copy, 0, copy.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a Parquet page: " + e.getMessage(), e);
        }
    }
}
