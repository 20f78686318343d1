package io.ember.dataframe.internal.io.jdbc;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;

/**
 * Reads one partition of a JDBC scan in a task: opens its own connection, runs the partition's
 * query with the configured fetch size, and turns the rows into column batches as they are
 * consumed. The connection is closed when the last row has been read or a read fails.
 */
final class JdbcPartitionReader implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The SQL of partition {@code index}. */
    record Query(int index, String sql) implements Serializable {
    }

    private final JdbcOptions options;
    private final DataType[] types;
    private final int batchSize;

    JdbcPartitionReader(JdbcOptions options, DataType[] types, int batchSize) {
        this.options = options;
        this.types = types;
        this.batchSize = batchSize;
    }

    /** The batches of {@code query}'s rows. */
    Iterator<ColumnBatch> read(Query query) {
        Connection c = JdbcConnections.open(options);
        ResultSet rs;
        try {
            // PostgreSQL streams rows with a fetch size only outside auto-commit; reads change nothing.
            if (options.fetchSize() > 0) {
                c.setAutoCommit(false);
            }
            Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            s.setFetchSize(options.fetchSize());
            s.setQueryTimeout(options.queryTimeout());
            rs = s.executeQuery(query.sql());
        } catch (SQLException e) {
            JdbcConnections.closeAfterFailure(c, e);
            throw new JdbcException("JDBC read of partition " + query.index() + " of " + options.relationName()
                    + " failed", options, e);
        }
        Batches batches = new Batches(query, c, rs);
        return io.vavr.collection.Iterator.continually(batches::next).takeWhile(b -> b != null);
    }

    /** Cuts one partition's result set into batches, closing the connection after the last row. */
    private final class Batches {
        private final Query query;
        private final Connection connection;
        private final ResultSet rs;
        private boolean done;

        Batches(Query query, Connection connection, ResultSet rs) {
            this.query = query;
            this.connection = connection;
            this.rs = rs;
        }

        /** The next batch, or null after the last row. */
        ColumnBatch next() {
            if (done) {
                return null;
            }
            ColumnVector[] cols = new ColumnVector[types.length];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = ColumnVector.allocate(types[i], Math.min(batchSize, 1024));
            }
            int n = 0;
            try {
                while (n < batchSize && rs.next()) {
                    for (int i = 0; i < cols.length; i++) {
                        JdbcTypes.read(rs, i + 1, types[i], cols[i]);
                    }
                    n++;
                }
                if (n < batchSize) {
                    done = true;
                    connection.close();
                }
            } catch (SQLException e) {
                done = true;
                JdbcConnections.closeAfterFailure(connection, e);
                throw new JdbcException("JDBC read of partition " + query.index() + " of " + options.relationName()
                        + " failed", options, e);
            } catch (RuntimeException e) {
                done = true;
                JdbcConnections.closeAfterFailure(connection, e);
                throw e;
            }
            return n == 0 ? null : new ColumnBatch(cols, n);
        }
    }
}
