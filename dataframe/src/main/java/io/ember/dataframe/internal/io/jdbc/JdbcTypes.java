package io.ember.dataframe.internal.io.jdbc;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.TimestampType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Maps between JDBC column types and Spark types as Spark's {@code JdbcUtils} does, and moves
 * values between result sets or prepared statements and column vectors. Ember has no
 * {@code ByteType}, {@code ShortType} or {@code FloatType}: {@code TINYINT}/{@code SMALLINT} read
 * as {@code int} and {@code REAL} as {@code double}, which hold every such value exactly.
 */
final class JdbcTypes {
    private JdbcTypes() {
    }

    /**
     * The Spark type of column {@code i} (1-based) of {@code md}.
     *
     * @throws IllegalArgumentException naming the column and its database type when it has no Spark type
     */
    static DataType sparkType(ResultSetMetaData md, int i, JdbcDialect dialect) throws SQLException {
        int sqlType = md.getColumnType(i);
        String typeName = md.getColumnTypeName(i);
        int precision = md.getPrecision(i);
        int scale = md.getScale(i);
        boolean signed = md.isSigned(i);
        DataType t = sparkType(sqlType, typeName, precision, scale, signed, dialect);
        if (t == null) {
            throw new IllegalArgumentException("Unsupported type " + typeName + " (java.sql.Types " + sqlType
                    + ") of JDBC column '" + md.getColumnLabel(i) + "'; read it with a query that casts it, or "
                    + "give the column a type with option 'customSchema'");
        }
        return t;
    }

    /** The Spark type of a JDBC column, or null if there is none. */
    static DataType sparkType(int sqlType, String typeName, int precision, int scale, boolean signed,
                              JdbcDialect dialect) {
        switch (sqlType) {
            case Types.BIGINT:
                return signed ? DataTypes.LongType : new DecimalType(20, 0);
            case Types.INTEGER:
                return signed ? DataTypes.IntegerType : DataTypes.LongType;
            case Types.SMALLINT, Types.TINYINT:
                return DataTypes.IntegerType;
            case Types.BIT:
                return precision > 1 ? DataTypes.BinaryType : DataTypes.BooleanType;
            case Types.BOOLEAN:
                return DataTypes.BooleanType;
            case Types.DOUBLE, Types.FLOAT, Types.REAL:
                return DataTypes.DoubleType;
            case Types.NUMERIC, Types.DECIMAL:
                if (precision <= 0 || precision > DecimalType.MAX_PRECISION && scale <= 0) {
                    return DecimalType.SYSTEM_DEFAULT;
                }
                int p = Math.min(precision, DecimalType.MAX_PRECISION);
                return new DecimalType(p, Math.max(0, Math.min(scale, p)));
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB, Types.SQLXML, Types.ROWID:
                return DataTypes.StringType;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
                return DataTypes.BinaryType;
            case Types.DATE:
                return DataTypes.DateType;
            case Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME_WITH_TIMEZONE:
                return DataTypes.TimestampType;
            case Types.OTHER:
                return dialect == JdbcDialect.POSTGRES && isPostgresText(typeName) ? DataTypes.StringType : null;
            default:
                return null;
        }
    }

    /** PostgreSQL types reported as OTHER that Spark's PostgresDialect reads as strings. */
    private static boolean isPostgresText(String typeName) {
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "json", "jsonb", "uuid", "xml", "inet", "cidr", "macaddr", "macaddr8", "tsvector", "tsquery",
                 "txid_snapshot", "pg_snapshot", "interval" -> true;
            default -> false;
        };
    }

    /** The {@link Types} code of a null of {@code type} in a prepared statement. */
    static int nullType(DataType type) {
        if (type instanceof IntegerType) {
            return Types.INTEGER;
        } else if (type instanceof LongType) {
            return Types.BIGINT;
        } else if (type instanceof DoubleType) {
            return Types.DOUBLE;
        } else if (type instanceof BooleanType) {
            return Types.BOOLEAN;
        } else if (type instanceof DecimalType) {
            return Types.DECIMAL;
        } else if (type instanceof BinaryType) {
            return Types.BINARY;
        } else if (type instanceof DateType) {
            return Types.DATE;
        } else if (type instanceof TimestampType) {
            return Types.TIMESTAMP;
        }
        return Types.VARCHAR;
    }

    /**
     * Appends column {@code i} (1-based) of the current row of {@code rs}, read as {@code type}, to {@code out}.
     *
     * @throws IllegalArgumentException naming the column when a decimal does not fit its type
     */
    static void read(ResultSet rs, int i, DataType type, ColumnVector out) throws SQLException {
        if (type instanceof IntegerType) {
            int v = rs.getInt(i);
            appendOrNull(rs, out, () -> out.appendInt(v));
        } else if (type instanceof LongType) {
            long v = rs.getLong(i);
            appendOrNull(rs, out, () -> out.appendLong(v));
        } else if (type instanceof DoubleType) {
            double v = rs.getDouble(i);
            appendOrNull(rs, out, () -> out.appendDouble(v));
        } else if (type instanceof BooleanType) {
            boolean v = rs.getBoolean(i);
            appendOrNull(rs, out, () -> out.appendBoolean(v));
        } else if (type instanceof DecimalType d) {
            BigDecimal big = rs.getBigDecimal(i);
            if (big == null) {
                out.appendNull();
            } else {
                BigDecimal scaled = Values.toDecimal(big, d);
                if (scaled == null) {
                    throw new IllegalArgumentException("Value " + big + " of JDBC column '"
                            + rs.getMetaData().getColumnLabel(i) + "' does not fit " + d.simpleString());
                }
                out.appendObject(scaled);
            }
        } else if (type instanceof BinaryType) {
            out.appendObject(rs.getBytes(i));
        } else if (type instanceof DateType) {
            java.sql.Date v = rs.getDate(i);
            if (v == null) {
                out.appendNull();
            } else {
                out.appendInt((int) v.toLocalDate().toEpochDay());
            }
        } else if (type instanceof TimestampType) {
            Timestamp v = rs.getTimestamp(i);
            if (v == null) {
                out.appendNull();
            } else {
                out.appendLong(Values.instantToMicros(v.toInstant()));
            }
        } else if (type instanceof StringType) {
            out.appendObject(rs.getString(i));
        } else {
            throw new IllegalArgumentException("Cannot read JDBC column '" + rs.getMetaData().getColumnLabel(i)
                    + "' as " + type.simpleString());
        }
    }

    private static void appendOrNull(ResultSet rs, ColumnVector out, Runnable append) throws SQLException {
        if (rs.wasNull()) {
            out.appendNull();
        } else {
            append.run();
        }
    }

    /** Sets parameter {@code i} (1-based) of {@code ps} to the internal value {@code v} of {@code type}. */
    static void write(PreparedStatement ps, int i, DataType type, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, nullType(type));
        } else if (type instanceof IntegerType) {
            ps.setInt(i, (Integer) v);
        } else if (type instanceof LongType) {
            ps.setLong(i, (Long) v);
        } else if (type instanceof DoubleType) {
            ps.setDouble(i, (Double) v);
        } else if (type instanceof BooleanType) {
            ps.setBoolean(i, (Boolean) v);
        } else if (type instanceof DecimalType) {
            ps.setBigDecimal(i, (BigDecimal) v);
        } else if (type instanceof BinaryType) {
            ps.setBytes(i, (byte[]) v);
        } else if (type instanceof DateType) {
            ps.setDate(i, java.sql.Date.valueOf(LocalDate.ofEpochDay((Integer) v)));
        } else if (type instanceof TimestampType) {
            ps.setTimestamp(i, Timestamp.from(Values.microsToInstant((Long) v)));
        } else if (type instanceof StringType) {
            ps.setString(i, (String) v);
        } else {
            throw new IllegalArgumentException("Can't write a " + type.simpleString() + " value through JDBC");
        }
    }
}
