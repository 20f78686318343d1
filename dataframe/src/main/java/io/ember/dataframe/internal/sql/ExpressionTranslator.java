package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.expressions.ArithOp;
import io.ember.dataframe.internal.expressions.BinaryArithmetic;
import io.ember.dataframe.internal.expressions.CalendarInterval;
import io.ember.dataframe.internal.expressions.CaseWhen;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Fn;
import io.ember.dataframe.internal.expressions.In;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.expressions.ScalarFunction;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.expressions.UnresolvedAttribute;
import io.ember.dataframe.internal.expressions.UnresolvedExtractValue;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.internal.window.WindowFunction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.IntervalQualifier;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

/**
 * Turns JSqlParser expressions into Ember's unresolved expressions: the same trees the
 * {@code Column} API builds ({@code a BETWEEN x AND y} is {@code a >= x AND a <= y} as
 * {@code Column.between} makes it, {@code count(*)} is {@code count(1)} as
 * {@code Functions.count("*")}), so that the analyzer, and every later stage, cannot tell the
 * front ends apart. Function calls go through the {@link FunctionRegistry}; window calls
 * ({@code ... OVER (...)}) through {@link WindowTranslator}.
 */
final class ExpressionTranslator {
    private final SqlSource source;
    private final FunctionRegistry functions;
    private final WindowTranslator windows;
    private final Subqueries subqueries;

    ExpressionTranslator(SqlSource source, FunctionRegistry functions, WindowTranslator.NamedWindows namedWindows) {
        this(source, functions, namedWindows, null);
    }

    /** A translator that plans subqueries in expressions with {@code subqueries} (null: refused). */
    ExpressionTranslator(SqlSource source, FunctionRegistry functions, WindowTranslator.NamedWindows namedWindows,
                         Subqueries subqueries) {
        this.source = source;
        this.functions = functions;
        this.windows = new WindowTranslator(this, source, functions, namedWindows);
        this.subqueries = subqueries;
    }

    /** The Ember expression of {@code e}. */
    Expression translate(net.sf.jsqlparser.expression.Expression e) {
        if (e instanceof Column c && c.getArrayConstructor() != null) {
            // xs[0] (0-based) and m['k'], as getItem; the parser keeps the subscript on the column.
            Expression item = column(c);
            for (net.sf.jsqlparser.expression.Expression index : c.getArrayConstructor().getExpressions()) {
                item = new UnresolvedExtractValue(item, translate(index));
            }
            return item;
        }
        if (e instanceof Column c) {
            return column(c);
        }
        if (e instanceof net.sf.jsqlparser.expression.ArrayExpression a && a.getIndexExpression() != null) {
            // xs[0] (0-based) and m['k'], as getItem.
            return new UnresolvedExtractValue(translate(a.getObjExpression()), translate(a.getIndexExpression()));
        }
        if (e instanceof LongValue v) {
            return integer(v.getBigIntegerValue());
        }
        if (e instanceof DoubleValue v) {
            return decimal(v.toString());
        }
        if (e instanceof StringValue s) {
            if (s.getPrefix() != null && !s.getPrefix().equalsIgnoreCase("N") && !s.getPrefix().equalsIgnoreCase("E")) {
                throw source.unsupported("The string prefix " + s.getPrefix(), s);
            }
            return Literal.create(s.getNotExcapedValue());
        }
        if (e instanceof NullValue) {
            return Literal.NULL;
        }
        if (e instanceof BooleanValue b) {
            return b.getValue() ? Literal.TRUE : Literal.FALSE;
        }
        if (e instanceof DateTimeLiteralExpression d) {
            return dateTime(d);
        }
        if (e instanceof IntervalExpression i) {
            return interval(i);
        }
        if (e instanceof DateUnitExpression u) {
            // JSqlParser reads a bare HOUR, DAY, MONTH, YEAR, MINUTE or SECOND as a date unit; in
            // an expression Spark reads it as the column of that name.
            return new UnresolvedAttribute(source.written(u, u.toString()));
        }
        if (e instanceof SignedExpression s) {
            return signed(s);
        }
        if (e instanceof ExpressionList<?> list) {
            if (list.size() != 1) {
                throw source.unsupported("A row constructor " + list, list);
            }
            return translate(list.get(0));
        }
        if (e instanceof NotExpression n) {
            return new Not(translate(n.getExpression()));
        }
        if (e instanceof AndExpression a) {
            return new And(translate(a.getLeftExpression()), translate(a.getRightExpression()));
        }
        if (e instanceof OrExpression o) {
            return new Or(translate(o.getLeftExpression()), translate(o.getRightExpression()));
        }
        if (e instanceof Between b) {
            return between(b);
        }
        if (e instanceof InExpression in) {
            return in(in);
        }
        if (subqueries != null && e instanceof ParenthesedSelect p) {
            return subqueries.scalar(p);
        }
        if (subqueries != null && e instanceof ExistsExpression x && x.getRightExpression() instanceof ParenthesedSelect p) {
            Expression exists = subqueries.exists(p);
            return x.isNot() ? new Not(exists) : exists;
        }
        if (e instanceof LikeExpression like) {
            return like(like);
        }
        if (e instanceof IsNullExpression n) {
            return new IsNull(translate(n.getLeftExpression()), n.isNot());
        }
        if (e instanceof IsBooleanExpression b) {
            Expression is = new Comparison(CmpOp.EQ_NULL_SAFE, translate(b.getLeftExpression()),
                    b.isTrue() ? Literal.TRUE : Literal.FALSE);
            return b.isNot() ? new Not(is) : is;
        }
        if (e instanceof CaseExpression c) {
            return caseWhen(c);
        }
        if (e instanceof CastExpression c) {
            return new Cast(translate(c.getLeftExpression()), SqlTypes.of(c.getColDataType()));
        }
        if (e instanceof AnalyticExpression a) {
            return windows.translate(a);
        }
        if (e instanceof Function f) {
            return function(f);
        }
        if (e instanceof TrimFunction t) {
            return trim(t);
        }
        if (e instanceof ExtractExpression x) {
            return functions.call(extractField(x), List.of(translate(x.getExpression())), false);
        }
        if (e instanceof BinaryExpression b) {
            return binary(b);
        }
        throw source.unsupported("The expression " + e, e);
    }

    /** A sort key: {@code ASC} by default, nulls first when ascending and last when descending. */
    SortOrder sortOrder(OrderByElement o) {
        Expression key = translate(o.getExpression());
        boolean ascending = o.isAsc();
        boolean nullsFirst = o.getNullOrdering() == null ? ascending
                : o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
        return new SortOrder(key, ascending, nullsFirst);
    }

    /** The arguments of a call, {@code *} (as in {@code count(*)}) standing for the literal 1. */
    List<Expression> arguments(ExpressionList<?> params) {
        List<Expression> args = new ArrayList<>();
        if (params != null) {
            for (net.sf.jsqlparser.expression.Expression p : params) {
                args.add(p instanceof AllColumns ? Literal.create(1) : translate(p));
            }
        }
        return args;
    }

    private Expression column(Column c) {
        List<String> parts = new ArrayList<>();
        Table t = c.getTable();
        if (t != null && t.getName() != null) {
            if (t.getSchemaName() != null) {
                parts.add(Names.unquote(t.getSchemaName()));
            }
            parts.add(Names.unquote(t.getName()));
        } else if (Names.doubleQuoted(c.getColumnName())) {
            // Spark SQL reads "text" as a string, not an identifier.
            return Literal.create(Names.unquote(c.getColumnName()));
        }
        parts.add(Names.unquote(c.getColumnName()));
        List<String> quoted = new ArrayList<>();
        for (String p : parts) {
            quoted.add(Names.part(p));
        }
        return new UnresolvedAttribute(String.join(".", quoted));
    }

    /** An integer literal: int if it fits, else bigint, else decimal (as Spark types them). */
    private static Literal integer(BigInteger v) {
        if (v.bitLength() < 32) {
            return Literal.create(v.intValue());
        }
        if (v.bitLength() < 64) {
            return Literal.create(v.longValue());
        }
        return Literal.create(new BigDecimal(v));
    }

    /** {@code 1.5} is an exact decimal, {@code 1.5e3} a double (as in Spark). */
    private static Literal decimal(String text) {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return Literal.create(Double.parseDouble(text));
        }
        return Literal.create(new BigDecimal(text));
    }

    private Expression dateTime(DateTimeLiteralExpression d) {
        String value = d.getValue();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1).replace("''", "'");
        }
        switch (d.getType()) {
            case DATE:
                try {
                    return Literal.create(LocalDate.parse(value.trim()));
                } catch (DateTimeParseException bad) {
                    throw new AnalysisException("[INVALID_TYPED_LITERAL] The value of the typed literal DATE is invalid: '"
                            + value + "'.");
                }
            case TIMESTAMP:
            case DATETIME:
                // Parsed by the cast in the session time zone; constant folding makes it a literal.
                return new Cast(Literal.create(value), DataTypes.TimestampType);
            default:
                throw source.unsupported("The literal " + d, d);
        }
    }

    /** An interval literal: {@code INTERVAL '90' DAY}, {@code INTERVAL 1 YEAR}, {@code INTERVAL '1-2' YEAR TO MONTH}. */
    private Expression interval(IntervalExpression i) {
        if (!i.isUsingIntervalKeyword()) {
            throw source.unsupported("A time unit after an expression (" + i + "; as an alias it must end the "
                    + "select item, or be written AS " + i.getIntervalQualifier() + ")", i);
        }
        if (i.getExpression() != null || i.getParameter() == null) {
            throw source.unsupported("An interval whose value is not a number or string literal (" + i + ")", i);
        }
        String value = i.getParameter();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        IntervalQualifier qualifier = i.getIntervalQualifier();
        String unit = qualifier != null ? qualifier.getLeadingField() : i.getIntervalType();
        String trailing = qualifier != null ? qualifier.getTrailingField() : null;
        Integer precision = qualifier != null ? qualifier.getLeadingFieldPrecision() : null;
        try {
            IntervalLiterals.checkLeadingPrecision(value, unit, precision);
            return new Literal(IntervalLiterals.parse(value, unit, trailing), DataTypes.CalendarIntervalType);
        } catch (AnalysisException e) {
            throw source.locate(e, i);
        }
    }

    private Expression signed(SignedExpression s) {
        Expression inner = translate(s.getExpression());
        if (s.getSign() == '+') {
            return inner;
        }
        if (s.getSign() != '-') {
            throw source.unsupported("The operator " + s.getSign(), s);
        }
        if (inner instanceof Literal l && l.value() != null) {
            if (l.value() instanceof Integer i && i != Integer.MIN_VALUE) {
                return Literal.create(-i);
            }
            if (l.value() instanceof Long v) {
                long neg = -v;
                return neg >= Integer.MIN_VALUE && neg <= Integer.MAX_VALUE ? Literal.create((int) neg) : Literal.create(neg);
            }
            if (l.value() instanceof Double v) {
                return Literal.create(-v);
            }
            if (l.value() instanceof BigDecimal v) {
                return new Literal(v.negate(), l.dataType());
            }
            if (l.value() instanceof CalendarInterval v) {
                return new Literal(v.negate(), l.dataType());
            }
        }
        return new ScalarFunction(Fn.NEGATIVE, List.of(inner));
    }

    // Deliberate per-operator routing: one branch per JSqlParser node class, each naming the
    // Ember expression it becomes.
    private Expression binary(BinaryExpression b) {
        Expression l = translate(b.getLeftExpression());
        Expression r = translate(b.getRightExpression());
        if (b instanceof Addition) {
            return new BinaryArithmetic(ArithOp.ADD, l, r);
        }
        if (b instanceof Subtraction) {
            return new BinaryArithmetic(ArithOp.SUBTRACT, l, r);
        }
        if (b instanceof Multiplication) {
            return new BinaryArithmetic(ArithOp.MULTIPLY, l, r);
        }
        if (b instanceof Division) {
            return new BinaryArithmetic(ArithOp.DIVIDE, l, r);
        }
        if (b instanceof Modulo) {
            return new BinaryArithmetic(ArithOp.REMAINDER, l, r);
        }
        if (b instanceof Concat) {
            return new ScalarFunction(Fn.CONCAT, List.of(l, r));
        }
        if (b instanceof EqualsTo) {
            return new Comparison(CmpOp.EQ, l, r);
        }
        if (b instanceof NotEqualsTo) {
            return new Comparison(CmpOp.NEQ, l, r);
        }
        if (b instanceof GreaterThan) {
            return new Comparison(CmpOp.GT, l, r);
        }
        if (b instanceof GreaterThanEquals) {
            return new Comparison(CmpOp.GE, l, r);
        }
        if (b instanceof MinorThan) {
            return new Comparison(CmpOp.LT, l, r);
        }
        if (b instanceof MinorThanEquals) {
            return new Comparison(CmpOp.LE, l, r);
        }
        if (b instanceof CosineSimilarity) {
            // JSqlParser reads <=> as pgvector's operator; in Spark SQL it is null-safe equality.
            return new Comparison(CmpOp.EQ_NULL_SAFE, l, r);
        }
        throw source.unsupported("The operator " + b.getStringExpression(), b);
    }

    private Expression between(Between b) {
        if (b.isUsingSymmetric()) {
            throw source.unsupported("BETWEEN SYMMETRIC", b);
        }
        Expression e = translate(b.getLeftExpression());
        Expression range = new And(new Comparison(CmpOp.GE, e, translate(b.getBetweenExpressionStart())),
                new Comparison(CmpOp.LE, e, translate(b.getBetweenExpressionEnd())));
        return b.isNot() ? new Not(range) : range;
    }

    private Expression in(InExpression in) {
        if (subqueries != null && in.getRightExpression() instanceof ParenthesedSelect p
                && !(in.getLeftExpression() instanceof ExpressionList<?> row && row.size() != 1)) {
            Expression e = subqueries.in(translate(in.getLeftExpression()), p);
            return in.isNot() ? new Not(e) : e;
        }
        if (!(in.getRightExpression() instanceof ExpressionList<?> values)) {
            throw source.unsupported("A subquery in IN with a row of several values", in);
        }
        List<Expression> children = new ArrayList<>();
        children.add(translate(in.getLeftExpression()));
        for (net.sf.jsqlparser.expression.Expression v : values) {
            children.add(translate(v));
        }
        Expression e = new In(children);
        return in.isNot() ? new Not(e) : e;
    }

    private Expression like(LikeExpression like) {
        if (like.getEscape() != null) {
            throw source.unsupported("LIKE ... ESCAPE (the escape character is always \\)", like);
        }
        Expression l = translate(like.getLeftExpression());
        Expression r = translate(like.getRightExpression());
        Expression e = switch (like.getLikeKeyWord()) {
            case LIKE -> new ScalarFunction(Fn.LIKE, List.of(l, r));
            case ILIKE -> new ScalarFunction(Fn.LIKE, List.of(new ScalarFunction(Fn.LOWER, List.of(l)),
                    new ScalarFunction(Fn.LOWER, List.of(r))));
            case RLIKE, REGEXP, REGEXP_LIKE -> new ScalarFunction(Fn.RLIKE, List.of(l, r));
            default -> throw source.unsupported(like.getLikeKeyWord() + "", like);
        };
        return like.isNot() ? new Not(e) : e;
    }

    private Expression caseWhen(CaseExpression c) {
        Expression subject = c.getSwitchExpression() == null ? null : translate(c.getSwitchExpression());
        CaseWhen cw = new CaseWhen(List.of(), false);
        for (WhenClause w : c.getWhenClauses()) {
            Expression when = translate(w.getWhenExpression());
            Expression condition = subject == null ? when : new Comparison(CmpOp.EQ, subject, when);
            cw = cw.when(condition, translate(w.getThenExpression()));
        }
        return c.getElseExpression() == null ? cw : cw.otherwise(translate(c.getElseExpression()));
    }

    private Expression function(Function f) {
        if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
            throw source.unsupported("The qualified function name " + f.getName(), f);
        }
        if (f.getNamedParameters() != null && f.getKeywordArguments() == null
                && Names.unquote(f.getName()).toLowerCase(Locale.ROOT).matches("substr(ing)?")) {
            return substringFromFor(f);
        }
        if (f.getNamedParameters() != null || f.getKeywordArguments() != null) {
            throw source.unsupported("Named or keyword arguments", f);
        }
        String name = Names.unquote(f.getName());
        List<Expression> args = arguments(f.getParameters());
        if (f.isAllColumns() && args.isEmpty()) {
            args.add(Literal.create(1));
        }
        if (f.isIgnoreNulls()) {
            args.add(Literal.TRUE);
        }
        Expression call;
        try {
            call = functions.call(name, args, f.isDistinct());
        } catch (AnalysisException e) {
            throw source.locate(e, f);
        }
        if (call instanceof WindowFunction) {
            throw source.locate(new AnalysisException("[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE] The window function `"
                    + name + "` requires an OVER clause."), f);
        }
        return call;
    }

    /** {@code substring(s FROM a [FOR b])}, the standard spelling of {@code substring(s, a[, b])}. */
    private Expression substringFromFor(Function f) {
        NamedExpressionList<?> named = f.getNamedParameters();
        List<String> keywords = new ArrayList<>();
        for (String n : named.getNames()) {
            keywords.add(n == null ? "" : n.toUpperCase(Locale.ROOT));
        }
        if (!keywords.equals(List.of("", "FROM", "FOR")) && !keywords.equals(List.of("", "FROM"))) {
            throw source.unsupported("The argument form " + f + " (expected substring(s FROM a [FOR b]))", f);
        }
        List<Expression> args = new ArrayList<>();
        for (net.sf.jsqlparser.expression.Expression p : named) {
            args.add(translate(p));
        }
        try {
            return functions.call("substring", args, false);
        } catch (AnalysisException e) {
            throw source.locate(e, f);
        }
    }

    private Expression trim(TrimFunction t) {
        Expression target;
        if (t.isUsingFromKeyword()) {
            net.sf.jsqlparser.expression.Expression chars = t.getExpression();
            if (chars != null && !(chars instanceof StringValue s && s.getNotExcapedValue().equals(" "))) {
                throw source.unsupported("Trimming characters other than spaces", t);
            }
            target = translate(t.getFromExpression());
        } else {
            target = translate(t.getExpression());
        }
        Fn fn = t.getTrimSpecification() == null ? Fn.TRIM : switch (t.getTrimSpecification()) {
            case LEADING -> Fn.LTRIM;
            case TRAILING -> Fn.RTRIM;
            case BOTH -> Fn.TRIM;
        };
        return new ScalarFunction(fn, List.of(target));
    }

    private String extractField(ExtractExpression x) {
        return switch (x.getName().toLowerCase(Locale.ROOT)) {
            case "year", "years" -> "year";
            case "quarter" -> "quarter";
            case "month", "months" -> "month";
            case "day", "days" -> "dayofmonth";
            case "dayofweek", "dow" -> "dayofweek";
            case "doy", "dayofyear" -> "dayofyear";
            case "hour", "hours" -> "hour";
            case "minute", "minutes" -> "minute";
            case "second", "seconds" -> "second";
            default -> throw source.unsupported("EXTRACT(" + x.getName() + " FROM ...)", x);
        };
    }
}
