package io.ember.dataframe.internal.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The lines of one byte range {@code [start, end)} of a file: a line belongs to the range its
 * first byte is in, so ranges cut anywhere and every line is read once. Gzip files are read
 * whole. Lines end at {@code \n}; a trailing {@code \r} is dropped.
 *
 * <p>When it is closed inside a task, the bytes it read are added to the task's input bytes (the
 * UI's "Input" column): the bytes of the range it consumed, or for a gzip file the compressed
 * bytes read from disk.
 */
final class SplitLineReader implements Closeable {
    private final InputStream in;
    private final long end;
    private final Charset charset;
    private final boolean utf8;
    private final byte[] buf = new byte[1 << 16];
    private int bufPos;
    private int bufLen;
    private long pos;
    private byte[] line = new byte[256];
    private boolean eof;
    private final long firstPos;
    private final CountingInputStream compressed;
    private boolean closed;

    SplitLineReader(String file, long start, long end, boolean gzip, Charset charset) {
        this.charset = charset;
        this.utf8 = charset.equals(java.nio.charset.StandardCharsets.UTF_8);
        try {
            InputStream raw = Files.newInputStream(Path.of(file));
            if (gzip) {
                this.compressed = new CountingInputStream(raw);
                this.in = new GZIPInputStream(compressed, 65536);
                this.end = Long.MAX_VALUE;
                this.pos = 0;
                this.firstPos = 0;
                return;
            }
            this.compressed = null;
            this.in = raw;
            this.end = end;
            this.firstPos = Math.max(0, start - 1);
            if (start > 0) {
                in.skipNBytes(start - 1);
                this.pos = start - 1;
                skipLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private boolean fill() throws IOException {
        bufLen = in.read(buf, 0, buf.length);
        bufPos = 0;
        if (bufLen <= 0) {
            bufLen = 0;
            eof = true;
            return false;
        }
        return true;
    }

    private void skipLine() throws IOException {
        while (true) {
            if (bufPos == bufLen && !fill()) {
                return;
            }
            byte b = buf[bufPos++];
            pos++;
            if (b == '\n') {
                return;
            }
        }
    }

    /** The next line starting before the end of the range, or null. */
    String next() {
        if (pos >= end || (eof && bufPos == bufLen)) {
            return null;
        }
        try {
            int n = 0;
            boolean any = false;
            boolean ascii = true;
            while (true) {
                if (bufPos == bufLen && !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
                int from = bufPos;
                int stop = from;
                while (stop < bufLen && buf[stop] != '\n') {
                    stop++;
                }
                int len = stop - from;
                if (n + len > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, n + len));
                }
                for (int i = from; i < stop; i++) {
                    ascii &= buf[i] >= 0;
                }
                System.arraycopy(buf, from, line, n, len);
                n += len;
                any = true;
                if (stop < bufLen) {
                    bufPos = stop + 1;
                    pos += len + 1;
                    break;
                }
                bufPos = stop;
                pos += len;
            }
            if (n > 0 && line[n - 1] == '\r') {
                n--;
            }
            if (ascii && utf8) {
                return new String(line, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            return new String(line, 0, n, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of lines that start before byte {@code offset} of {@code file} (to number lines). */
    static long linesBefore(String file, long offset) {
        if (offset <= 0) {
            return 0;
        }
        long count = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file)), 65536)) {
            byte[] buf = new byte[65536];
            long left = offset - 1;
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
                left -= r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return count + 1;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            // closing a read-only stream: nothing to lose
        }
        io.ember.rdd.internal.scheduler.TaskContextImpl task = io.ember.rdd.internal.scheduler.TaskContextImpl.CURRENT.get();
        if (task != null) {
            task.metrics().addBytesRead(compressed != null ? compressed.count : pos - firstPos);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
