package io.ember.dataframe.internal.plan.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * The number of distinct values of a Parquet column chunk whose every data page is dictionary
 * encoded: the entries of its dictionary page, read from the page's header alone (the page itself,
 * which may be large, is not read). A chunk whose writer fell back to plain pages, or whose
 * encodings cannot tell, has none: its dictionary holds only some of its values.
 */
final class DictionarySize {
    /** The encodings of definition and repetition levels, which say nothing of the values. */
    private static final Set<Encoding> LEVEL_ENCODINGS = EnumSet.of(Encoding.RLE, Encoding.BIT_PACKED);

    private DictionarySize() {
    }

    /**
     * The dictionary entries of {@code chunk} in the open file {@code file}, or -1 when the chunk
     * is not wholly dictionary encoded (or its dictionary page header does not say).
     *
     * @throws IOException if the header cannot be read
     */
    static long of(ColumnChunkMetaData chunk, FileChannel file) throws IOException {
        if (!chunk.hasDictionaryPage() || !onlyDictionaryPages(chunk)) {
            return -1;
        }
        file.position(chunk.getDictionaryPageOffset());
        // why not close: closing the stream would close the channel, which the caller owns.
        InputStream in = Channels.newInputStream(file);
        PageHeader header = Util.readPageHeader(in);
        if (!header.isSetDictionary_page_header()) {
            return -1;
        }
        return header.getDictionary_page_header().getNum_values();
    }

    /**
     * Whether every data page of {@code chunk} is dictionary encoded, as parquet-mr's dictionary
     * filter decides it: from the page encoding statistics when the writer kept them; otherwise
     * only a writer of format 1 tells (it marks dictionary pages PLAIN_DICTIONARY and would list
     * PLAIN for a fallback page), a format 2 writer's RLE_DICTIONARY does not.
     */
    static boolean onlyDictionaryPages(ColumnChunkMetaData chunk) {
        EncodingStats stats = chunk.getEncodingStats();
        if (stats != null) {
            return stats.hasDictionaryPages() && !stats.hasNonDictionaryEncodedPages();
        }
        Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
        encodings.addAll(chunk.getEncodings());
        if (!encodings.remove(Encoding.PLAIN_DICTIONARY)) {
            return false;
        }
        encodings.removeAll(LEVEL_ENCODINGS);
        return encodings.isEmpty();
    }
}
