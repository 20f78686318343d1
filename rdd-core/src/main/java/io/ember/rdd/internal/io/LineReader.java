package io.ember.rdd.internal.io;

import io.ember.rdd.internal.scheduler.TaskMetricsCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads UTF-8 lines from a stream, ending at {@code \n}, {@code \r\n} or end of input, and
 * counting the bytes consumed so that a split knows when it has passed its end. Closes the
 * stream when exhausted.
 */
final class LineReader implements Iterator<String> {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final String source;
    private final long limit;
    private final TaskMetricsCollector metrics;
    private long lines;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int filled;
    private long consumed;
    private byte[] line = new byte[256];
    private String next;
    private boolean done;

    /**
     * @param limit lines starting at or after this many bytes from the stream's start are not
     *     read (Long.MAX_VALUE for all)
     */
    LineReader(InputStream in, String source, long limit, TaskMetricsCollector metrics) {
        this.in = in;
        this.source = source;
        this.limit = limit;
        this.metrics = metrics;
    }

    /** Bytes consumed from the stream so far. */
    long consumed() {
        return consumed;
    }

    /** Skips up to and including the next {@code \n}; returns false at end of input. */
    boolean skipLine() {
        while (true) {
            if (position == filled && !fill()) {
                return false;
            }
            byte b = buffer[position++];
            consumed++;
            if (b == '\n') {
                return true;
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = readLine();
            if (next == null) {
                done = true;
                close();
                if (metrics != null) {
                    metrics.addRecordsRead(lines);
                    metrics.addBytesRead(consumed);
                }
            } else {
                lines++;
            }
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String result = next;
        next = null;
        return result;
    }

    private String readLine() {
        if (consumed >= limit) {
            return null;
        }
        if (position == filled && !fill()) {
            return null;
        }
        // why: most lines end inside the buffer, and are decoded from it without a copy
        int end = endOfLine(position, filled);
        if (end < filled) {
            int start = position;
            position = end + 1;
            consumed += position - start;
            return decode(buffer, start, end);
        }
        int length = 0;
        while (true) {
            int chunk = end - position;
            if (length + chunk > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, position, line, length, chunk);
            length += chunk;
            consumed += chunk;
            position = end;
            if (end < filled) {
                position++;
                consumed++;
                break;
            }
            if (!fill()) {
                break;
            }
            end = endOfLine(position, filled);
        }
        return decode(line, 0, length);
    }

    /** Where the first {@code \n} in {@code buffer[from, to)} is, or {@code to}. */
    private int endOfLine(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** The UTF-8 text of {@code bytes[from, end)}, without a final {@code \r}. */
    private static String decode(byte[] bytes, int from, int end) {
        int to = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private boolean fill() {
        try {
            filled = in.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Failed to read " + source + " at byte " + consumed, e);
        }
        position = 0;
        if (filled <= 0) {
            filled = 0;
            return false;
        }
        return true;
    }

    private void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Closing a read-only stream after its end cannot lose data.
        }
    }
}
