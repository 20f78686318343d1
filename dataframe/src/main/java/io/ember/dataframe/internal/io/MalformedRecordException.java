package io.ember.dataframe.internal.io;

/**
 * A record that does not fit its schema, in FAILFAST mode: the message names the file, the line
 * number and why.
 */
public final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    public MalformedRecordException(String file, long line, String reason, String record) {
        super("Malformed records are detected in record parsing. Parse Mode: FAILFAST. File " + file + ", line " + line
                + ": " + reason + ". Record: " + (record.length() > 200 ? record.substring(0, 200) + "..." : record));
        this.file = file;
        this.line = line;
    }

    /** The file of the record. */
    public String file() {
        return file;
    }

    /** The 1-based line number of the record. */
    public long line() {
        return line;
    }
}
