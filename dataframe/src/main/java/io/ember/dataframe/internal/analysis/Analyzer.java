package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.GetArrayStructFields;
import io.ember.dataframe.internal.expressions.GetItem;
import io.ember.dataframe.internal.expressions.GetStructField;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.TimeZoneAware;
import io.ember.dataframe.internal.expressions.UnresolvedAttribute;
import io.ember.dataframe.internal.expressions.UnresolvedExtractValue;
import io.ember.dataframe.internal.expressions.UnresolvedStar;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.CalendarIntervalType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves expressions eagerly against the output of a plan: column names become
 * {@link AttributeReference}s, implicit casts are inserted ({@link TypeCoercion}) and
 * time-zone-aware expressions get the session zone. Every failure is an
 * {@link AnalysisException} raised at the DataFrame call that made the mistake, naming the
 * column and the closest existing names.
 */
public final class Analyzer {
    private final boolean caseSensitive;
    private final String timeZone;

    /** An analyzer with the session's settings. */
    public Analyzer(boolean caseSensitive, String timeZone) {
        this.caseSensitive = caseSensitive;
        this.timeZone = timeZone;
    }

    /** The session time zone id. */
    public String timeZone() {
        return timeZone;
    }

    /** Resolves and type-checks {@code e} against {@code input}. */
    public Expression resolve(Expression e, List<AttributeReference> input) {
        return e.transformUp(node -> {
            if (node instanceof UnresolvedAttribute u) {
                return resolveName(u.name(), input);
            }
            if (node instanceof UnresolvedStar s) {
                throw new AnalysisException("[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '" + s.render(List.of())
                        + "' in expression.");
            }
            if (node instanceof AttributeReference a) {
                return rebind(a, input);
            }
            if (node instanceof UnresolvedExtractValue x) {
                return extract(x);
            }
            Expression coerced = TypeCoercion.coerce(node);
            if (coerced instanceof TimeZoneAware t && t.needsZone()) {
                coerced = t.withZone(timeZone);
            }
            return coerced;
        }).transformUp(node -> node instanceof TimeZoneAware t && t.needsZone() ? t.withZone(timeZone) : node);
    }

    /** Resolves a filter or join condition, which must be boolean. */
    public Expression resolveCondition(Expression e, List<AttributeReference> input, String what) {
        Expression r = resolve(e, input);
        if (!(r.dataType() instanceof BooleanType) && !(r.dataType() instanceof NullType)) {
            throw new AnalysisException("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"" + r.sql()
                    + "\" due to data type mismatch: " + what + " expression \"" + r.sql() + "\" of type \""
                    + r.dataType().sql() + "\" is not a boolean.");
        }
        if (r.exists(x -> x instanceof AggregateExpression)) {
            throw new AnalysisException("[INVALID_WHERE_CONDITION] The " + what.toLowerCase(Locale.ROOT)
                    + " condition \"" + r.sql() + "\" is invalid: aggregate functions are not allowed there.");
        }
        return r;
    }

    /**
     * Resolves a projection: {@code *} expands to the columns, expressions that are not named get
     * Spark's automatic name (their SQL text as written).
     */
    public List<NamedExpression> resolveProjection(List<Expression> exprs, List<AttributeReference> input) {
        List<NamedExpression> out = new ArrayList<>();
        for (Expression e : exprs) {
            if (e instanceof UnresolvedStar s) {
                boolean any = false;
                for (AttributeReference a : input) {
                    if (s.qualifier() == null || matches(s.qualifier(), a.qualifier())) {
                        out.add(a);
                        any = true;
                    }
                }
                if (!any && s.qualifier() != null) {
                    throw new AnalysisException("[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve " + s.qualifier()
                            + ".* given input columns " + quotedNames(input) + ".");
                }
                continue;
            }
            NamedExpression n = named(resolve(e, input), e);
            if (n.dataType() instanceof CalendarIntervalType) {
                throw new AnalysisException("[UNSUPPORTED_FEATURE.INTERVAL_COLUMN] The interval \"" + n.sql()
                        + "\" cannot be a result column: add it to a date or timestamp (d + INTERVAL 3 DAYS).");
            }
            out.add(n);
        }
        return out;
    }

    /** {@code resolved} as a named expression, named after the unresolved {@code original}. */
    public static NamedExpression named(Expression resolved, Expression original) {
        if (resolved instanceof NamedExpression n) {
            return n;
        }
        if (original instanceof UnresolvedAttribute && resolved instanceof GetStructField f) {
            // col("s.a") is named after the field, as in Spark.
            return Alias.of(resolved, f.name());
        }
        if (original instanceof UnresolvedAttribute && resolved instanceof GetArrayStructFields f) {
            return Alias.of(resolved, f.name());
        }
        if (original instanceof UnresolvedExtractValue) {
            // getField / getItem are named as resolved: s.b for a struct field, xs[1] or m[k] for an item.
            return Alias.of(resolved, resolved.sql());
        }
        return Alias.of(resolved, original.sql());
    }

    private Expression rebind(AttributeReference a, List<AttributeReference> input) {
        for (AttributeReference in : input) {
            if (in.exprId() == a.exprId()) {
                return in;
            }
        }
        throw new AnalysisException("[MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE] Resolved attribute(s) \"" + a.name()
                + "\" missing from " + quotedNames(input) + " in operator. The column may come from another "
                + "DataFrame; refer to it by name instead (col(\"" + a.name() + "\")).");
    }

    /** Finds the attribute {@code name} ({@code a}, {@code t.a} or {@code `a.b`}) refers to. */
    public AttributeReference lookup(String name, List<AttributeReference> input) {
        AttributeReference found = find(name, input);
        if (found == null) {
            throw unresolved(String.join(".", nameParts(name)), input);
        }
        return found;
    }

    /**
     * A column, or a field of a struct column: {@code s.a} (or {@code t.s.a}) is field {@code a}
     * of column {@code s} when no column is named so, the longest column name winning, as in Spark.
     */
    private Expression resolveName(String name, List<AttributeReference> input) {
        AttributeReference column = find(name, input);
        if (column != null) {
            return column;
        }
        List<String> parts = nameParts(name);
        for (int k = parts.size() - 1; k >= 1; k--) {
            AttributeReference base = find(quoted(parts.subList(0, k)), input);
            if (base != null) {
                Expression e = base;
                for (String field : parts.subList(k, parts.size())) {
                    e = field(e, field);
                }
                return e;
            }
        }
        throw unresolved(String.join(".", parts), input);
    }

    /**
     * Field {@code name} of the struct {@code e}, or of every struct of the array of structs {@code e}.
     *
     * @throws AnalysisException if {@code e} is not a struct (or array of them) or has no such field
     */
    public Expression field(Expression e, String name) {
        if (e.dataType() instanceof ArrayType a && a.elementType() instanceof StructType s) {
            int i = fieldOrdinal(s, name);
            return new GetArrayStructFields(e, i, s.apply(i).name());
        }
        if (!(e.dataType() instanceof StructType s)) {
            throw new AnalysisException("[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"" + e.sql()
                    + "\". Need a complex type [STRUCT, ARRAY, MAP] but got \"" + e.dataType().sql() + "\".");
        }
        int i = fieldOrdinal(s, name);
        return new GetStructField(e, i, s.apply(i).name());
    }

    /** The field {@code name} matches, an exact match first. */
    private int fieldOrdinal(StructType s, String name) {
        int match = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.apply(i).name().equals(name)) {
                return i;
            }
            if (match < 0 && matches(name, s.apply(i).name())) {
                match = i;
            }
        }
        if (match < 0) {
            List<String> names = new ArrayList<>();
            for (String f : s.fieldNames()) {
                names.add("`" + f + "`");
            }
            throw new AnalysisException("[FIELD_NOT_FOUND] No such struct field `" + name + "` in "
                    + String.join(", ", names) + ".");
        }
        return match;
    }

    /** {@code getField} / {@code getItem}: a struct's field, an array's element or a map's value. */
    private Expression extract(UnresolvedExtractValue x) {
        DataType t = x.child().dataType();
        Expression key = x.key();
        if (t instanceof StructType || t instanceof ArrayType a && a.elementType() instanceof StructType
                && key instanceof Literal k && k.value() instanceof String) {
            if (!(key instanceof Literal l) || !(l.value() instanceof String name)) {
                throw new AnalysisException("[INVALID_EXTRACT_FIELD_TYPE] Field name should be a non-null string "
                        + "literal, but it's " + key.sql() + ".");
            }
            return field(x.child(), name);
        }
        if (t instanceof ArrayType) {
            return new GetItem(x.child(), TypeCoercion.cast(key, DataTypes.IntegerType));
        }
        if (t instanceof MapType m) {
            return new GetItem(x.child(), TypeCoercion.cast(key, m.keyType()));
        }
        throw new AnalysisException("[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"" + x.child().sql()
                + "\". Need a complex type [STRUCT, ARRAY, MAP] but got \"" + t.sql() + "\".");
    }

    private static String quoted(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add("`" + p.replace("`", "``") + "`");
        }
        return String.join(".", out);
    }

    /** The attribute {@code name} refers to, or null if none. */
    private AttributeReference find(String name, List<AttributeReference> input) {
        List<String> parts = nameParts(name);
        List<AttributeReference> found = new ArrayList<>();
        String whole = String.join(".", parts);
        for (AttributeReference a : input) {
            if (matches(whole, a.name())) {
                found.add(a);
            }
        }
        if (found.isEmpty() && parts.size() >= 2) {
            String qualifier = parts.get(0);
            String rest = String.join(".", parts.subList(1, parts.size()));
            for (AttributeReference a : input) {
                if (a.qualifier() != null && matches(qualifier, a.qualifier()) && matches(rest, a.name())) {
                    found.add(a);
                }
            }
        }
        if (found.size() > 1) {
            List<AttributeReference> exact = new ArrayList<>();
            for (AttributeReference a : found) {
                if (a.name().equals(whole)) {
                    exact.add(a);
                }
            }
            if (exact.size() == 1) {
                return exact.get(0);
            }
            Map<Long, AttributeReference> distinct = new LinkedHashMap<>();
            for (AttributeReference a : found) {
                distinct.putIfAbsent(a.exprId(), a);
            }
            if (distinct.size() > 1) {
                List<String> names = new ArrayList<>();
                for (AttributeReference a : distinct.values()) {
                    names.add(a.qualifier() == null ? "`" + a.name() + "`" : "`" + a.qualifier() + "`.`" + a.name() + "`");
                }
                throw new AnalysisException("[AMBIGUOUS_REFERENCE] Reference `" + whole + "` is ambiguous, could be: ["
                        + String.join(", ", names) + "]. Give the DataFrames an alias (df.as(\"a\")) and use "
                        + "qualified names, or refer to a column with df.col(\"" + whole + "\").");
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private boolean matches(String a, String b) {
        if (b == null) {
            return false;
        }
        return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    /** Spark's error for a column that is not there, with the closest names. */
    public static AnalysisException unresolved(String name, List<AttributeReference> input) {
        List<String> candidates = suggestions(name, input);
        if (candidates.isEmpty()) {
            return new AnalysisException("[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `"
                    + name + "` cannot be resolved.");
        }
        return new AnalysisException("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `"
                + name + "` cannot be resolved. Did you mean one of the following? [" + String.join(", ", candidates)
                + "].");
    }

    /** Up to five existing names, closest first (edit distance). */
    static List<String> suggestions(String name, List<AttributeReference> input) {
        List<AttributeReference> sorted = new ArrayList<>(input);
        String target = name.toLowerCase(Locale.ROOT);
        sorted.sort(Comparator.comparingInt((AttributeReference a) ->
                EditDistance.distance(target, a.name().toLowerCase(Locale.ROOT))).thenComparing(AttributeReference::name));
        List<String> out = new ArrayList<>();
        for (AttributeReference a : sorted) {
            String text = "`" + a.name() + "`";
            if (a.qualifier() != null) {
                text = "`" + a.qualifier() + "`." + text;
            }
            if (!out.contains(text)) {
                out.add(text);
            }
            if (out.size() == 5) {
                break;
            }
        }
        return out;
    }

    /** Splits {@code a.b} into parts; backticks quote a part ({@code `a.b`} is one part). */
    static List<String> nameParts(String name) {
        return new UnresolvedAttribute(name).nameParts();
    }

    private static String quotedNames(List<AttributeReference> input) {
        List<String> names = new ArrayList<>();
        for (AttributeReference a : input) {
            names.add("\"" + a.name() + "\"");
        }
        return String.join(", ", names);
    }
}
