package io.ember.dataframe.internal.io.jdbc;

import io.ember.dataframe.internal.io.SourceFilter;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.internal.batch.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles the filters the optimizer pushed into a JDBC scan to SQL for the WHERE of each
 * partition's query (Spark's {@code JDBCRDD.compileFilter}). A filter whose literal has no
 * portable SQL form (timestamps, whose text depends on the database's time zone; binaries;
 * non-finite doubles) is not compiled: it is still applied above the scan, so leaving it out
 * costs only the rows sent.
 */
final class JdbcFilters {
    private JdbcFilters() {
    }

    /** The SQL of {@code f} on the quoted column, if it has one. */
    static Optional<String> compile(SourceFilter f, JdbcDialect dialect) {
        String col = dialect.quote(f.column());
        switch (f.kind()) {
            case IS_NULL:
                return Optional.of(col + " IS NULL");
            case IS_NOT_NULL:
                return Optional.of(col + " IS NOT NULL");
            case IN: {
                List<String> values = new ArrayList<>();
                for (Object v : f.values()) {
                    Optional<String> lit = v == null ? Optional.of("NULL") : literal(v, f.type());
                    if (lit.isEmpty()) {
                        return Optional.empty();
                    }
                    values.add(lit.get());
                }
                return values.isEmpty() ? Optional.empty()
                        : Optional.of(col + " IN (" + String.join(", ", values) + ")");
            }
            default:
                break;
        }
        String op = switch (f.kind()) {
            case EQ -> "=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            default -> ">=";
        };
        return literal(f.value(), f.type()).map(lit -> col + " " + op + " " + lit);
    }

    private static Optional<String> literal(Object v, DataType type) {
        if (type instanceof StringType) {
            return Optional.of("'" + ((String) v).replace("'", "''") + "'");
        } else if (type instanceof IntegerType || type instanceof LongType) {
            return Optional.of(v.toString());
        } else if (type instanceof DecimalType) {
            return Optional.of(((BigDecimal) v).toPlainString());
        } else if (type instanceof DoubleType) {
            double d = (Double) v;
            return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d).toPlainString()) : Optional.empty();
        } else if (type instanceof BooleanType) {
            return Optional.of(((Boolean) v) ? "TRUE" : "FALSE");
        } else if (type instanceof DateType) {
            return Optional.of("DATE '" + Values.formatDate((Integer) v) + "'");
        }
        return Optional.empty();
    }
}
