package io.ember.dataframe.internal.io.jdbc;

import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.TimestampType;

/**
 * What differs between databases when Ember writes SQL for them, chosen by the URL's prefix as
 * Spark's {@code JdbcDialects} does: how identifiers are quoted, the SQL type a column of a
 * Spark type is created with, and how a table is truncated.
 */
enum JdbcDialect {
    /** PostgreSQL: Spark's {@code PostgresDialect} types ({@code TEXT}, {@code BYTEA}, {@code BOOLEAN}, {@code FLOAT8}). */
    POSTGRES,
    /** MySQL and MariaDB: identifiers in backticks. */
    MYSQL,
    /**
     * Any other database: Spark's common JDBC types, except {@code BOOLEAN} for booleans (Spark's
     * generic {@code BIT(1)} is a bit string in DuckDB and H2).
     */
    GENERIC;

    /** The dialect of {@code url}. */
    static JdbcDialect of(String url) {
        if (url.startsWith("jdbc:postgresql")) {
            return POSTGRES;
        }
        if (url.startsWith("jdbc:mysql") || url.startsWith("jdbc:mariadb")) {
            return MYSQL;
        }
        return GENERIC;
    }

    /** {@code name} quoted as an identifier. */
    String quote(String name) {
        if (this == MYSQL) {
            return "`" + name.replace("`", "``") + "`";
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * The SQL type a column of {@code type} is created with.
     *
     * @throws IllegalArgumentException naming the type when the database has none for it
     */
    String sqlType(DataType type) {
        if (type instanceof IntegerType) {
            return "INTEGER";
        } else if (type instanceof LongType) {
            return "BIGINT";
        } else if (type instanceof DoubleType) {
            return this == POSTGRES ? "FLOAT8" : "DOUBLE PRECISION";
        } else if (type instanceof BooleanType) {
            return "BOOLEAN";
        } else if (type instanceof StringType) {
            return "TEXT";
        } else if (type instanceof BinaryType) {
            return this == POSTGRES ? "BYTEA" : "BLOB";
        } else if (type instanceof DateType) {
            return "DATE";
        } else if (type instanceof TimestampType) {
            return "TIMESTAMP";
        } else if (type instanceof DecimalType d) {
            return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
        }
        throw new IllegalArgumentException("Can't get JDBC type for " + type.simpleString() + " (" + this
                + " dialect)");
    }

    /** The statement that empties {@code table} for {@code truncate=true} overwrites. */
    String truncate(String table) {
        return this == POSTGRES ? "TRUNCATE TABLE ONLY " + table : "TRUNCATE TABLE " + table;
    }
}
