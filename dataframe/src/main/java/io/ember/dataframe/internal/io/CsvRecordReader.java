package io.ember.dataframe.internal.io;

import java.io.Closeable;

/**
 * The CSV records of a split's lines. Without {@code multiLine} a record is a line. With it, a
 * line that leaves a quoted field open continues on the next lines (joined with {@code \n}) until
 * the quote closes, so that quoted fields may hold line breaks; such files are read whole, one
 * split per file, so no record crosses a split.
 */
final class CsvRecordReader implements Closeable {
    private final SplitLineReader lines;
    private final CsvOptions options;
    private long linesRead;
    private long recordLine;

    CsvRecordReader(SplitLineReader lines, CsvOptions options) {
        this.lines = lines;
        this.options = options;
    }

    /** The next record, or null at the end of the split. */
    String next() {
        String line = lines.next();
        if (line == null) {
            return null;
        }
        linesRead++;
        recordLine = linesRead;
        if (!options.multiLine()) {
            return line;
        }
        boolean open = quoteOpenAfter(line, false);
        if (!open) {
            return line;
        }
        StringBuilder record = new StringBuilder(line);
        String more;
        while (open && (more = lines.next()) != null) {
            linesRead++;
            record.append('\n').append(more);
            open = quoteOpenAfter(more, true);
        }
        return record.toString();
    }

    /** The 1-based line, within the split, that the last record started on. */
    long recordLine() {
        return recordLine;
    }

    private boolean quoteOpenAfter(String text, boolean open) {
        char quote = options.quote();
        char escape = options.escape();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open && c == escape && escape != quote && i + 1 < text.length()
                    && (text.charAt(i + 1) == quote || text.charAt(i + 1) == escape)) {
                i++;
            } else if (c == quote) {
                open = !open;
            }
        }
        return open;
    }

    @Override
    public void close() {
        lines.close();
    }
}
