package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;

/**
 * A SQL text that does not parse, or uses syntax Ember does not support. The message names the
 * line and column (both from 1) and shows the text with the offending part marked, as Spark does:
 *
 * <pre>
 * [PARSE_SYNTAX_ERROR] Syntax error at or near 'WHER': line 3, column 1.
 *
 * == SQL ==
 * SELECT a
 * FROM t
 * WHER a = 1
 * ^^^^
 * </pre>
 */
public class ParseException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * An error at {@code line}, {@code column} of {@code sql}, marking {@code length} characters.
     *
     * @param headline what went wrong, without the position
     */
    public ParseException(String headline, String sql, int line, int column, int length) {
        super(headline + ": line " + line + ", column " + column + ".\n\n== SQL ==\n"
                + marked(sql, line, column, length));
        this.line = line;
        this.column = column;
    }

    /** The line of the error, from 1. */
    public int line() {
        return line;
    }

    /** The column of the error, from 1. */
    public int column() {
        return column;
    }

    /** {@code sql} with a line of carets under the marked part of line {@code line}. */
    private static String marked(String sql, int line, int column, int length) {
        String[] lines = sql.split("\r\n|\r|\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
            if (i == line - 1) {
                int at = Math.max(0, Math.min(column - 1, lines[i].length()));
                sb.append(" ".repeat(at)).append("^".repeat(Math.max(1, length))).append('\n');
            }
        }
        return sb.toString();
    }
}
