package io.ember.rdd;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * How {@link RDD#saveAsTextFile(String, CompressionCodec)} compresses its part files. Spark takes
 * a Hadoop codec class there; Ember has no Hadoop, so it names the codec with this enum, or by
 * name through {@link #forName(String)}, which also accepts the Hadoop class names.
 */
public enum CompressionCodec {
    /** gzip: part files end in {@code .gz}; {@link EmberContext#textFile} reads them back. */
    GZIP(".gz");

    private final String extension;

    CompressionCodec(String extension) {
        this.extension = extension;
    }

    /** The extension the codec's files end in, with its dot. */
    public String extension() {
        return extension;
    }

    /** Wraps {@code out} so that what is written to the result is compressed; closing it closes {@code out}. */
    public OutputStream compress(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 64 * 1024);
    }

    /**
     * The codec called {@code name}, case-insensitively: {@code gzip}, {@code gz}, or Hadoop's
     * {@code GzipCodec} / {@code org.apache.hadoop.io.compress.GzipCodec}.
     *
     * @throws IllegalArgumentException naming the known codecs if {@code name} is none of them
     */
    public static CompressionCodec forName(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (simple) {
            case "gzip", "gz", "gzipcodec" -> GZIP;
            default -> throw new IllegalArgumentException("Unknown compression codec '" + name
                    + "'; known: gzip (also GzipCodec, org.apache.hadoop.io.compress.GzipCodec)");
        };
    }
}
