package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.expressions.ArgType;
import io.ember.dataframe.internal.expressions.ArithOp;
import io.ember.dataframe.internal.expressions.BinaryArithmetic;
import io.ember.dataframe.internal.expressions.CaseWhen;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.internal.expressions.Coalesce;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Explode;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.In;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.expressions.ScalarFunction;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * Implicit casts, as Spark (non-ANSI) inserts them, and the type checks that fail with a
 * {@code DATATYPE_MISMATCH} error naming the expression. Applied bottom-up to a resolved tree.
 */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    /** Coerces and checks one node whose children are already coerced. */
    public static Expression coerce(Expression e) {
        if (e instanceof BinaryArithmetic b) {
            return arithmetic(b);
        }
        if (e instanceof Comparison c) {
            DataType common = comparisonType(c.left().dataType(), c.right().dataType());
            if (common == null) {
                throw mismatch(c, "the left and right operands of the binary operator have incompatible types (\""
                        + c.left().dataType().sql() + "\" and \"" + c.right().dataType().sql() + "\")",
                        "BINARY_OP_DIFF_TYPES");
            }
            return new Comparison(c.op(), cast(c.left(), common), cast(c.right(), common));
        }
        if (e instanceof And a) {
            return new And(bool(a, a.left(), 0), bool(a, a.right(), 1));
        }
        if (e instanceof Or o) {
            return new Or(bool(o, o.left(), 0), bool(o, o.right(), 1));
        }
        if (e instanceof Not n) {
            return new Not(bool(n, n.child(), 0));
        }
        if (e instanceof CaseWhen cw) {
            return caseWhen(cw);
        }
        if (e instanceof Coalesce c) {
            return new Coalesce(commonCast(c, c.children()));
        }
        if (e instanceof In in) {
            return new In(commonCast(in, in.children()));
        }
        if (e instanceof ScalarFunction f) {
            return function(f);
        }
        if (e instanceof Explode g) {
            DataType t = g.child().dataType();
            if (!(t instanceof ArrayType) && !(t instanceof MapType)) {
                throw mismatch(g, "the first parameter requires the (\"ARRAY\" or \"MAP\") type, however \""
                        + g.child().sql() + "\" has the type \"" + t.sql() + "\"", "UNEXPECTED_INPUT_TYPE");
            }
            return g;
        }
        if (e instanceof AggregateExpression a) {
            return aggregate(a);
        }
        if (e instanceof Cast c) {
            if (!Cast.canCast(c.child().dataType(), c.to())) {
                throw mismatch(c, "cannot cast \"" + c.child().dataType().sql() + "\" to \"" + c.to().sql() + "\"",
                        "CAST_WITHOUT_SUGGESTION");
            }
            return c;
        }
        return e;
    }

    private static Expression arithmetic(BinaryArithmetic b) {
        Expression dateTime = DateTimeArithmetic.rewrite(b);
        if (dateTime != null) {
            return dateTime;
        }
        DataType l = b.left().dataType();
        DataType r = b.right().dataType();
        for (DataType t : new DataType[] {l, r}) {
            if (!(Cast.isNumeric(t) || t instanceof StringType || t instanceof NullType)) {
                throw mismatch(b, "the binary operator requires the input type (\"NUMERIC\" or \"INTERVAL\"), not \""
                        + t.sql() + "\"", "BINARY_OP_WRONG_TYPE");
            }
        }
        l = l instanceof StringType || l instanceof NullType && r instanceof NullType ? DataTypes.DoubleType : l;
        r = r instanceof StringType ? DataTypes.DoubleType : r;
        if (l instanceof NullType) {
            l = r;
        }
        if (r instanceof NullType) {
            r = l;
        }
        DataType target;
        if (l instanceof DecimalType || r instanceof DecimalType) {
            if (l instanceof DoubleType || r instanceof DoubleType) {
                target = DataTypes.DoubleType;
            } else {
                return new BinaryArithmetic(b.op(), cast(b.left(), asDecimal(l)), cast(b.right(), asDecimal(r)));
            }
        } else if (b.op() == ArithOp.DIVIDE) {
            target = DataTypes.DoubleType;
        } else {
            target = wider(l, r);
        }
        return new BinaryArithmetic(b.op(), cast(b.left(), target), cast(b.right(), target));
    }

    private static DecimalType asDecimal(DataType t) {
        if (t instanceof DecimalType d) {
            return d;
        }
        return t instanceof IntegerType ? new DecimalType(10, 0) : new DecimalType(20, 0);
    }

    /** The wider of two numeric types (int < bigint < decimal < double). */
    static DataType wider(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof DoubleType || b instanceof DoubleType) {
            return DataTypes.DoubleType;
        }
        if (a instanceof DecimalType || b instanceof DecimalType) {
            DecimalType x = asDecimal(a);
            DecimalType y = asDecimal(b);
            int scale = Math.max(x.scale(), y.scale());
            int intDigits = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
            return BinaryArithmetic.bounded(intDigits + scale, scale);
        }
        if (a instanceof LongType || b instanceof LongType) {
            return DataTypes.LongType;
        }
        return DataTypes.IntegerType;
    }

    /** The type both sides of a comparison are cast to, or null if they cannot be compared. */
    public static DataType comparisonType(DataType l, DataType r) {
        if (l.equals(r)) {
            return l;
        }
        if (l instanceof NullType) {
            return r;
        }
        if (r instanceof NullType) {
            return l;
        }
        if (Cast.isNumeric(l) && Cast.isNumeric(r)) {
            return wider(l, r);
        }
        if (l instanceof StringType || r instanceof StringType) {
            DataType other = l instanceof StringType ? r : l;
            if (Cast.isNumeric(other)) {
                return other instanceof DecimalType ? DataTypes.DoubleType : other instanceof IntegerType
                        ? DataTypes.LongType : other;
            }
            if (other instanceof DateType || other instanceof TimestampType || other instanceof BooleanType) {
                return other;
            }
            if (other instanceof BinaryType) {
                return DataTypes.BinaryType;
            }
            return null;
        }
        if ((l instanceof DateType && r instanceof TimestampType) || (l instanceof TimestampType && r instanceof DateType)) {
            return DataTypes.TimestampType;
        }
        return null;
    }

    /** The common type of several values (CASE, COALESCE, IN, UNION), or null if none. */
    public static DataType commonType(List<DataType> types) {
        DataType common = DataTypes.NullType;
        for (DataType t : types) {
            if (common instanceof NullType) {
                common = t;
            } else if (t instanceof NullType || t.equals(common)) {
                continue;
            } else if (Cast.isNumeric(common) && Cast.isNumeric(t)) {
                common = wider(common, t);
            } else if (common instanceof StringType || t instanceof StringType) {
                DataType other = common instanceof StringType ? t : common;
                if (nested(other) || other instanceof BinaryType) {
                    return null;
                }
                common = DataTypes.StringType;
            } else if ((common instanceof DateType && t instanceof TimestampType)
                    || (common instanceof TimestampType && t instanceof DateType)) {
                common = DataTypes.TimestampType;
            } else if (common instanceof ArrayType a && t instanceof ArrayType b && a.elementType().equals(b.elementType())) {
                common = new ArrayType(a.elementType(), a.containsNull() || b.containsNull());
            } else {
                return null;
            }
        }
        return common;
    }

    static List<Expression> commonCast(Expression parent, List<Expression> children) {
        List<DataType> types = new ArrayList<>();
        for (Expression c : children) {
            types.add(c.dataType());
        }
        DataType common = commonType(types);
        if (common == null) {
            throw mismatch(parent, "the input types " + sqlTypes(types) + " have no common type", "DATA_DIFF_TYPES");
        }
        List<Expression> out = new ArrayList<>();
        for (Expression c : children) {
            out.add(cast(c, common));
        }
        return out;
    }

    private static Expression caseWhen(CaseWhen cw) {
        List<Expression> b = cw.branches();
        int pairs = (b.size() - (cw.hasElse() ? 1 : 0)) / 2;
        List<Expression> values = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            values.add(b.get(2 * p + 1));
        }
        if (cw.hasElse()) {
            values.add(b.get(b.size() - 1));
        }
        List<Expression> cast = commonCast(cw, values);
        List<Expression> out = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            out.add(bool(cw, b.get(2 * p), 2 * p));
            out.add(cast.get(p));
        }
        if (cw.hasElse()) {
            out.add(cast.get(cast.size() - 1));
        }
        return new CaseWhen(out, cw.hasElse());
    }

    private static Expression function(ScalarFunction f) {
        List<Expression> args = f.args();
        if (!f.fn().acceptsArity(args.size())) {
            throw new AnalysisException("[WRONG_NUM_ARGS] The `" + f.fn().sqlName() + "` function does not accept "
                    + args.size() + " arguments.");
        }
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            out.add(implicitCast(f, args.get(i), f.fn().input(i), i));
        }
        return CollectionCoercion.coerce(new ScalarFunction(f.fn(), out, f.zone()));
    }

    private static Expression aggregate(AggregateExpression a) {
        DataType t = a.child().dataType();
        if (a.fn().numericInput()) {
            if (t instanceof StringType || t instanceof NullType) {
                return new AggregateExpression(a.fn(), cast(a.child(), DataTypes.DoubleType), a.distinct(), a.ignoreNulls());
            }
            if (!Cast.isNumeric(t)) {
                throw mismatch(a, "Parameter 1 requires the \"NUMERIC\" type, however \"" + a.child().sql()
                        + "\" has the type \"" + t.sql() + "\"", "UNEXPECTED_INPUT_TYPE");
            }
            if (a.fn() != AggFn.SUM && a.fn() != AggFn.AVG && !(t instanceof DoubleType)) {
                return new AggregateExpression(a.fn(), cast(a.child(), DataTypes.DoubleType), a.distinct(), a.ignoreNulls());
            }
        }
        return a;
    }

    private static Expression implicitCast(Expression parent, Expression arg, ArgType want, int index) {
        DataType t = arg.dataType();
        DataType target = switch (want) {
            case STRING -> t instanceof StringType ? null
                    : nested(t) ? fail(parent, arg, index, "STRING") : DataTypes.StringType;
            case INT -> t instanceof IntegerType ? null
                    : Cast.isNumeric(t) || t instanceof StringType || t instanceof NullType ? DataTypes.IntegerType
                    : fail(parent, arg, index, "INT");
            case DOUBLE -> t instanceof DoubleType ? null
                    : Cast.isNumeric(t) || t instanceof StringType || t instanceof NullType ? DataTypes.DoubleType
                    : fail(parent, arg, index, "DOUBLE");
            case NUMERIC -> Cast.isNumeric(t) ? null
                    : t instanceof StringType || t instanceof NullType ? DataTypes.DoubleType
                    : fail(parent, arg, index, "NUMERIC");
            case DATE -> t instanceof DateType ? null
                    : t instanceof TimestampType || t instanceof StringType || t instanceof NullType ? DataTypes.DateType
                    : fail(parent, arg, index, "DATE");
            case TIMESTAMP -> t instanceof TimestampType ? null
                    : t instanceof DateType || t instanceof StringType || t instanceof NullType ? DataTypes.TimestampType
                    : fail(parent, arg, index, "TIMESTAMP");
            case ARRAY -> t instanceof ArrayType ? null : fail(parent, arg, index, "ARRAY");
            case MAP -> t instanceof MapType ? null : fail(parent, arg, index, "MAP");
            case ARRAY_OR_MAP -> t instanceof ArrayType || t instanceof MapType ? null
                    : fail(parent, arg, index, "(\"ARRAY\" or \"MAP\")");
            case ANY -> null;
        };
        return target == null ? arg : cast(arg, target);
    }

    private static boolean nested(DataType t) {
        return t instanceof ArrayType || t instanceof MapType || t instanceof StructType;
    }

    private static DataType fail(Expression parent, Expression arg, int index, String want) {
        throw mismatch(parent, ordinal(index) + " parameter requires the \"" + want + "\" type, however \""
                + arg.sql() + "\" has the type \"" + arg.dataType().sql() + "\"", "UNEXPECTED_INPUT_TYPE");
    }

    private static String ordinal(int i) {
        String[] words = {"The first", "The second", "The third", "The fourth", "The fifth"};
        return i < words.length ? words[i] : "Parameter " + (i + 1);
    }

    private static Expression bool(Expression parent, Expression child, int index) {
        DataType t = child.dataType();
        if (t instanceof BooleanType) {
            return child;
        }
        if (t instanceof NullType) {
            return new Literal(null, DataTypes.BooleanType);
        }
        throw mismatch(parent, ordinal(index) + " parameter requires the \"BOOLEAN\" type, however \"" + child.sql()
                + "\" has the type \"" + t.sql() + "\"", "UNEXPECTED_INPUT_TYPE");
    }

    /** {@code e} cast to {@code t} unless it already has that type (null literals retyped). */
    public static Expression cast(Expression e, DataType t) {
        if (e.dataType().equals(t)) {
            return e;
        }
        if (e instanceof Literal l && l.value() == null) {
            return new Literal(null, t);
        }
        return new Cast(e, t);
    }

    private static String sqlTypes(List<DataType> types) {
        List<String> s = new ArrayList<>();
        for (DataType t : types) {
            s.add("\"" + t.sql() + "\"");
        }
        return "(" + String.join(", ", s) + ")";
    }

    /** Spark's data type mismatch error. */
    static AnalysisException mismatch(Expression e, String why, String subclass) {
        return new AnalysisException("[DATATYPE_MISMATCH." + subclass + "] Cannot resolve \"" + e.sql()
                + "\" due to data type mismatch: " + why + ".");
    }
}
