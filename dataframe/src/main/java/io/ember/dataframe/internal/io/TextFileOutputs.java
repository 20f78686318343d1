package io.ember.dataframe.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** What the line-oriented outputs (JSON, text) share: the compression option and opening a file. */
final class TextFileOutputs {
    private TextFileOutputs() {
    }

    /**
     * The codec named by {@code compression}: none or gzip.
     *
     * @throws IllegalArgumentException for another codec, naming the format
     */
    static String codec(String format, String compression) {
        String c = compression == null ? "none" : compression.toLowerCase(Locale.ROOT);
        if (!c.equals("none") && !c.equals("uncompressed") && !c.equals("gzip")) {
            throw new IllegalArgumentException(format + " option 'compression' must be none or gzip, got '"
                    + compression + "'");
        }
        return c.equals("uncompressed") ? "none" : c;
    }

    /** A UTF-8 writer on a new {@code file}, gzip-compressed if {@code codec} says. */
    static Writer open(Path file, String codec) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream raw = Files.newOutputStream(file);
        OutputStream stream = codec.equals("gzip") ? new GZIPOutputStream(raw, 65536) : raw;
        return new java.io.BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 65536);
    }
}
