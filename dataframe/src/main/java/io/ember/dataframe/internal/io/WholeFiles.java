package io.ember.dataframe.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reading files whole, for the formats whose records may span lines (JSON and CSV
 * {@code multiLine}, text {@code wholetext}): one split per file, the file's text in one string.
 */
final class WholeFiles {
    private WholeFiles() {
    }

    /** One split per file that the partition filters do not rule out. */
    static List<CsvSource.Split> splits(FileIndex index, List<SourceFilter> filters) {
        List<CsvSource.Split> out = new ArrayList<>();
        for (FileIndex.InputFile f : index.files()) {
            if (CsvSource.partitionMatches(f, filters, index.partitionSchema())) {
                out.add(new CsvSource.Split(f.path(), 0, Long.MAX_VALUE, f.path().endsWith(".gz"), f.partitionValues()));
            }
        }
        return out;
    }

    /**
     * The text of {@code split}'s file, gunzipped if it is gzip.
     *
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    static String read(CsvSource.Split split, Charset charset) {
        try (InputStream raw = Files.newInputStream(Path.of(split.file()));
             InputStream in = split.gzip() ? new GZIPInputStream(raw, 65536) : raw) {
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + split.file(), e);
        }
    }

}
