package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.types.DataType;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter a file source can use to skip data: {@code column op value} on a column of the
 * source's schema, with {@code value} an internal value of the column's type. Sources use these
 * only to skip whole row groups or partitions; rows are still filtered above the scan.
 */
public record SourceFilter(Kind kind, String column, DataType type, List<Object> values) implements Serializable {

    /** The kinds of filter. */
    public enum Kind { EQ, LT, LE, GT, GE, IS_NULL, IS_NOT_NULL, IN }

    /** {@code column op value} for a comparison operator. */
    public static SourceFilter compare(CmpOp op, String column, DataType type, Object value) {
        Kind k = switch (op) {
            case EQ, EQ_NULL_SAFE -> Kind.EQ;
            case LT -> Kind.LT;
            case LE -> Kind.LE;
            case GT -> Kind.GT;
            case GE -> Kind.GE;
            default -> null;
        };
        if (k == null) {
            throw new IllegalArgumentException("no source filter for " + op);
        }
        List<Object> vs = new ArrayList<>();
        vs.add(value);
        return new SourceFilter(k, column, type, vs);
    }

    /** The single comparison value. */
    public Object value() {
        return values.get(0);
    }

    /** Spark's display, e.g. {@code GreaterThan(total_amount,0.0)}. */
    @Override
    public String toString() {
        String v = values.isEmpty() ? "" : text(values.get(0));
        return switch (kind) {
            case EQ -> "EqualTo(" + column + "," + v + ")";
            case LT -> "LessThan(" + column + "," + v + ")";
            case LE -> "LessThanOrEqual(" + column + "," + v + ")";
            case GT -> "GreaterThan(" + column + "," + v + ")";
            case GE -> "GreaterThanOrEqual(" + column + "," + v + ")";
            case IS_NULL -> "IsNull(" + column + ")";
            case IS_NOT_NULL -> "IsNotNull(" + column + ")";
            case IN -> {
                List<String> texts = new ArrayList<>();
                for (Object o : values) {
                    texts.add(text(o));
                }
                yield "In(" + column + ", [" + String.join(",", texts) + "])";
            }
        };
    }

    private String text(Object o) {
        return Values.format(o, type, ZoneId.of("UTC"));
    }

    /**
     * Whether some value in {@code [min, max]} (internal values; null if unknown) with
     * {@code nullCount} nulls out of {@code rows} may satisfy this filter.
     */
    public boolean mightMatch(Object min, Object max, long nullCount, long rows) {
        switch (kind) {
            case IS_NULL:
                return nullCount != 0;
            case IS_NOT_NULL:
                return nullCount < 0 || nullCount < rows;
            default:
                break;
        }
        if (nullCount >= 0 && nullCount == rows && rows > 0) {
            return false;
        }
        if (min == null || max == null) {
            return true;
        }
        switch (kind) {
            case EQ: {
                Object v = value();
                return Values.compare(v, min) >= 0 && Values.compare(v, max) <= 0;
            }
            case LT:
                return Values.compare(min, value()) < 0;
            case LE:
                return Values.compare(min, value()) <= 0;
            case GT:
                return Values.compare(max, value()) > 0;
            case GE:
                return Values.compare(max, value()) >= 0;
            case IN:
                for (Object v : values) {
                    if (v != null && Values.compare(v, min) >= 0 && Values.compare(v, max) <= 0) {
                        return true;
                    }
                }
                return false;
            default:
                return true;
        }
    }

    /** Whether the single known value {@code v} (a partition value) may satisfy this filter. */
    public boolean matchesValue(Object v) {
        if (kind == Kind.IS_NULL) {
            return v == null;
        }
        if (kind == Kind.IS_NOT_NULL) {
            return v != null;
        }
        return v != null && mightMatch(v, v, 0, 1);
    }
}
