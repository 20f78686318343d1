package io.ember.dataframe.internal.io.jdbc;

import java.sql.SQLException;

/**
 * A JDBC read or write failed. The message names the (redacted) URL and the table, and carries
 * the database's own message with the password and URL secrets hidden; the driver's exception
 * is kept as the cause only with its text redacted the same way.
 */
public final class JdbcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JdbcException(String message, JdbcOptions options, SQLException cause) {
        super(message + (cause == null ? "" : ": " + JdbcUrls.redactSecrets(cause.getMessage(), options)),
                cause == null ? null : redacted(cause, options));
    }

    private static SQLException redacted(SQLException cause, JdbcOptions options) {
        SQLException copy = new SQLException(JdbcUrls.redactSecrets(cause.getMessage(), options), cause.getSQLState(),
                cause.getErrorCode());
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }
}
