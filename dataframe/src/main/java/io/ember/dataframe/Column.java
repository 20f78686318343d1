package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.ArithOp;
import io.ember.dataframe.internal.expressions.BinaryArithmetic;
import io.ember.dataframe.internal.expressions.CaseWhen;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.ExprIds;
import io.ember.dataframe.internal.expressions.Fn;
import io.ember.dataframe.internal.expressions.In;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.expressions.ScalarFunction;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An expression over the columns of a DataFrame: {@code col("fare").plus(1).gt(10)}. Building a
 * Column does nothing; the DataFrame method it is passed to resolves it against its input (and
 * throws {@link AnalysisException} there if a name is unknown or types do not fit). Immutable and
 * thread-safe. Operands that are not Columns are literals ({@code lit(value)}).
 */
public final class Column {
    private final Expression expr;

    Column(Expression expr) {
        this.expr = Objects.requireNonNull(expr, "expr is null");
    }

    /** The column named {@code name} ({@code "a"}, {@code "t.a"}, {@code "*"}). */
    public Column(String name) {
        this(Functions.col(name).expr);
    }

    Expression expr() {
        return expr;
    }

    static Expression toExpr(Object o) {
        if (o instanceof Column c) {
            return c.expr;
        }
        return Literal.create(o);
    }

    private Column arith(ArithOp op, Object other) {
        return new Column(new BinaryArithmetic(op, expr, toExpr(other)));
    }

    // The operator methods below are deliberately one public method per operator, as Spark's
    // Column has; each is a one-line call to the shared cmp or arithmetic helper.
    private Column cmp(CmpOp op, Object other) {
        return new Column(new Comparison(op, expr, toExpr(other)));
    }

    /** {@code this + other}. */
    public Column plus(Object other) {
        return arith(ArithOp.ADD, other);
    }

    /** {@code this - other}. */
    public Column minus(Object other) {
        return arith(ArithOp.SUBTRACT, other);
    }

    /** {@code this * other}. */
    public Column multiply(Object other) {
        return arith(ArithOp.MULTIPLY, other);
    }

    /** {@code this / other} (a double unless both are decimals; null when dividing by zero). */
    public Column divide(Object other) {
        return arith(ArithOp.DIVIDE, other);
    }

    /** {@code this % other}. */
    public Column mod(Object other) {
        return arith(ArithOp.REMAINDER, other);
    }

    /** {@code -this}. */
    public Column unary_minus() {
        return new Column(new ScalarFunction(Fn.NEGATIVE, List.of(expr)));
    }

    /** {@code this = other} (null if either is null). */
    public Column equalTo(Object other) {
        return cmp(CmpOp.EQ, other);
    }

    /** {@code this != other}. */
    public Column notEqual(Object other) {
        return cmp(CmpOp.NEQ, other);
    }

    /** {@code this <=> other}: equality where null equals null; never null. */
    public Column eqNullSafe(Object other) {
        return cmp(CmpOp.EQ_NULL_SAFE, other);
    }

    /** {@code this > other}. */
    public Column gt(Object other) {
        return cmp(CmpOp.GT, other);
    }

    /** {@code this < other}. */
    public Column lt(Object other) {
        return cmp(CmpOp.LT, other);
    }

    /** {@code this >= other}. */
    public Column geq(Object other) {
        return cmp(CmpOp.GE, other);
    }

    /** {@code this <= other}. */
    public Column leq(Object other) {
        return cmp(CmpOp.LE, other);
    }

    /** {@code lower <= this AND this <= upper}. */
    public Column between(Object lower, Object upper) {
        return geq(lower).and(leq(upper));
    }

    /** Three-valued {@code this AND other}. */
    public Column and(Column other) {
        return new Column(new io.ember.dataframe.internal.expressions.And(expr, other.expr));
    }

    /** Three-valued {@code this OR other}. */
    public Column or(Column other) {
        return new Column(new Or(expr, other.expr));
    }

    /** {@code this IS NULL}. */
    public Column isNull() {
        return new Column(new IsNull(expr, false));
    }

    /** {@code this IS NOT NULL}. */
    public Column isNotNull() {
        return new Column(new IsNull(expr, true));
    }

    /** {@code this IN (values...)}. */
    public Column isin(Object... values) {
        List<Expression> children = new ArrayList<>();
        children.add(expr);
        for (Object v : values) {
            children.add(toExpr(v));
        }
        return new Column(new In(children));
    }

    /** SQL LIKE: {@code %} any text, {@code _} one character. */
    public Column like(String pattern) {
        return new Column(new ScalarFunction(Fn.LIKE, List.of(expr, Literal.create(pattern))));
    }

    /** Java regular expression search. */
    public Column rlike(String regex) {
        return new Column(new ScalarFunction(Fn.RLIKE, List.of(expr, Literal.create(regex))));
    }

    /** Whether the string contains {@code other}. */
    public Column contains(Object other) {
        return new Column(new ScalarFunction(Fn.CONTAINS, List.of(expr, toExpr(other))));
    }

    /** Whether the string starts with {@code other}. */
    public Column startsWith(Object other) {
        return new Column(new ScalarFunction(Fn.STARTSWITH, List.of(expr, toExpr(other))));
    }

    /** Whether the string ends with {@code other}. */
    public Column endsWith(Object other) {
        return new Column(new ScalarFunction(Fn.ENDSWITH, List.of(expr, toExpr(other))));
    }

    /** The substring at 1-based {@code pos} of {@code len} characters. */
    public Column substr(int pos, int len) {
        return Functions.substring(this, pos, len);
    }

    /** Field {@code fieldName} of a struct column, named {@code s.fieldName}: {@code col("s").getField("a")}. */
    public Column getField(String fieldName) {
        return new Column(new io.ember.dataframe.internal.expressions.UnresolvedExtractValue(expr, Literal.create(fieldName)));
    }

    /**
     * Element {@code key} (0-based) of an array column, or the value of key {@code key} of a map
     * column (null when out of range or missing); a struct's field when {@code key} is a name.
     */
    public Column getItem(Object key) {
        return new Column(new io.ember.dataframe.internal.expressions.UnresolvedExtractValue(expr, toExpr(key)));
    }

    /** {@code CAST(this AS to)}. */
    public Column cast(DataType to) {
        return new Column(new Cast(expr, to));
    }

    /** {@code CAST(this AS to)} with the type named in DDL ({@code "int"}, {@code "decimal(10,2)"}). */
    public Column cast(String to) {
        return cast(StructType.fromDDL("x " + to).apply(0).dataType());
    }

    /** This column named {@code alias}. */
    public Column as(String alias) {
        Expression inner = expr instanceof Alias a ? a.child() : expr;
        return new Column(new Alias(inner, alias, ExprIds.next()));
    }

    /** The same as {@link #as(String)}. */
    public Column alias(String alias) {
        return as(alias);
    }

    /** The same as {@link #as(String)}. */
    public Column name(String alias) {
        return as(alias);
    }

    /** Ascending sort order, nulls first. */
    public Column asc() {
        return new Column(new SortOrder(expr, true, true));
    }

    /** Ascending sort order, nulls first. */
    public Column asc_nulls_first() {
        return asc();
    }

    /** Ascending sort order, nulls last. */
    public Column asc_nulls_last() {
        return new Column(new SortOrder(expr, true, false));
    }

    /** Descending sort order, nulls last. */
    public Column desc() {
        return new Column(new SortOrder(expr, false, false));
    }

    /** Descending sort order, nulls first. */
    public Column desc_nulls_first() {
        return new Column(new SortOrder(expr, false, true));
    }

    /** Descending sort order, nulls last. */
    public Column desc_nulls_last() {
        return desc();
    }

    /**
     * Another branch of a {@code when(...)} chain.
     *
     * @throws IllegalArgumentException if this column is not a {@code when} expression
     */
    public Column when(Column condition, Object value) {
        if (!(expr instanceof CaseWhen cw)) {
            throw new IllegalArgumentException("when() can only be applied on a Column previously generated by when()");
        }
        return new Column(cw.when(condition.expr, toExpr(value)));
    }

    /**
     * The value of a {@code when(...)} chain when no branch matches.
     *
     * @throws IllegalArgumentException if this column is not a {@code when} expression
     */
    public Column otherwise(Object value) {
        if (!(expr instanceof CaseWhen cw)) {
            throw new IllegalArgumentException("otherwise() can only be applied on a Column previously generated by when()");
        }
        return new Column(cw.otherwise(toExpr(value)));
    }

    /**
     * This aggregate, ranking ({@code row_number()}, {@code rank()}, {@code dense_rank()},
     * {@code percent_rank()}, {@code cume_dist()}, {@code ntile(n)}), offset ({@code lag},
     * {@code lead}) or frame value ({@code first_value}, {@code last_value}, {@code nth_value})
     * function computed over {@code window}: one value per row.
     *
     * @throws AnalysisException if this column cannot be computed over a window, or the window
     *     lacks an order the function needs or has a frame it does not allow
     */
    public Column over(WindowSpec window) {
        Objects.requireNonNull(window, "window is null");
        return new Column(io.ember.dataframe.internal.window.WindowExpression.of(expr, window.partitionSpec(),
                window.orderSpec(), window.frame()));
    }

    /** This aggregate computed over all rows, for every row: {@code sum("x").over()}. */
    public Column over() {
        return over(Window.empty());
    }

    /** The SQL text of this column, as Spark names it. */
    @Override
    public String toString() {
        return expr.sql();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && c.expr.equals(expr);
    }

    @Override
    public int hashCode() {
        return expr.hashCode();
    }
}
