package io.ember.dataframe.internal.io.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ServiceLoader;

/**
 * Opens connections for a JDBC source. The driver class is loaded through the thread's context
 * class loader, which in a task is the engine's user class loader, so a driver shipped with
 * {@code --jars}/{@code ember.jars} is found; the driver is called directly because
 * {@link DriverManager} refuses drivers its caller's class loader cannot see.
 */
final class JdbcConnections {
    private JdbcConnections() {
    }

    /**
     * A new connection, with {@code sessionInitStatement} already run on it.
     *
     * @throws JdbcException naming the (redacted) URL when no driver accepts it or connecting fails
     */
    static Connection open(JdbcOptions options) {
        Connection c = connect(options);
        if (options.sessionInitStatement().isPresent()) {
            try (Statement s = c.createStatement()) {
                s.execute(options.sessionInitStatement().get());
            } catch (SQLException e) {
                closeAfterFailure(c, e);
                throw new JdbcException("sessionInitStatement failed on " + options.shownUrl(), options, e);
            }
        }
        return c;
    }

    private static Connection connect(JdbcOptions options) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = JdbcConnections.class.getClassLoader();
        }
        String shownUrl = options.shownUrl();
        try {
            Driver driver = options.driver().isPresent() ? load(options.driver().get(), loader) : find(options.url(), loader);
            Connection c = driver.connect(options.url(), options.connectionProperties());
            if (c == null) {
                throw new JdbcException("JDBC driver " + driver.getClass().getName() + " does not accept the URL "
                        + shownUrl, options, null);
            }
            return c;
        } catch (SQLException e) {
            throw new JdbcException("Cannot connect to " + shownUrl, options, e);
        }
    }

    private static Driver load(String className, ClassLoader loader) {
        try {
            return (Driver) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("Cannot load JDBC driver class '" + className
                    + "' (option 'driver'): " + e, e);
        }
    }

    private static Driver find(String url, ClassLoader loader) throws SQLException {
        for (Driver d : ServiceLoader.load(Driver.class, loader)) {
            if (d.acceptsURL(url)) {
                return d;
            }
        }
        return DriverManager.getDriver(url);
    }

    /** Closes {@code c} after {@code failure}, keeping a close error as suppressed. */
    static void closeAfterFailure(Connection c, Exception failure) {
        try {
            c.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
