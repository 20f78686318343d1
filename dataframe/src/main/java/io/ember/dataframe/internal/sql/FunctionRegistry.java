package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.CaseWhen;
import io.ember.dataframe.internal.expressions.Coalesce;
import io.ember.dataframe.internal.expressions.CreateNamedStruct;
import io.ember.dataframe.internal.expressions.Explode;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Fn;
import io.ember.dataframe.internal.expressions.Grouping;
import io.ember.dataframe.internal.expressions.GroupingId;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.JsonToStructs;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.Rand;
import io.ember.dataframe.internal.expressions.ScalarFunction;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.internal.window.NthValueFunction;
import io.ember.dataframe.internal.window.OffsetFunction;
import io.ember.dataframe.internal.window.RankingFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The functions SQL can call, by name (case-insensitive), and how each call becomes an
 * expression.
 *
 * <p>Design notes. There is one implementation of every function: the {@link Fn} and
 * {@link AggFn} enums of the expression package, which {@code Functions} also builds its columns
 * from. This registry is derived from those enums (each constant under its SQL name), so a
 * function added there is callable from SQL without a second table to keep in step; only SQL's
 * extra spellings (aliases such as {@code substr}, {@code power}, {@code mean}), the trailing
 * arguments {@code Functions} fills in ({@code round(x)} is {@code round(x, 0)}), and the
 * special forms that are not {@link Fn} calls ({@code coalesce}, {@code isnull}, window
 * functions) are listed here. A test checks that each name builds exactly the expression its
 * {@code Functions} counterpart builds. Registered UDFs are looked up first, as in Spark, where a
 * session function shadows a built-in one.
 */
public final class FunctionRegistry {

    /** Builds a call from its (unresolved) arguments. */
    @FunctionalInterface
    public interface FunctionBuilder {
        /**
         * The expression of a call.
         *
         * @throws AnalysisException if the arguments do not fit
         */
        Expression build(String name, List<Expression> args, boolean distinct);
    }

    /** Arguments that SQL may leave out and {@code Functions} passes (appended when missing). */
    private static final Map<Fn, List<Object>> TRAILING_DEFAULTS = Map.of(
            Fn.ROUND, List.of(0), Fn.BROUND, List.of(0), Fn.SPLIT, List.of(-1), Fn.REGEXP_REPLACE, List.of(1),
            Fn.SUBSTRING, List.of(Integer.MAX_VALUE));

    private static final FunctionRegistry BUILTIN = new FunctionRegistry(builtins(), (name, args) -> null);

    private final Map<String, FunctionBuilder> builtins;
    private final BiFunction<String, List<Expression>, Expression> userFunctions;

    private FunctionRegistry(Map<String, FunctionBuilder> builtins,
                             BiFunction<String, List<Expression>, Expression> userFunctions) {
        this.builtins = builtins;
        this.userFunctions = userFunctions;
    }

    /** The built-in functions only. */
    public static FunctionRegistry builtin() {
        return BUILTIN;
    }

    /**
     * The built-in functions plus the user-defined ones {@code userFunctions} builds: given a name
     * and arguments it returns the call, or null if no such function is registered.
     */
    public FunctionRegistry withUserFunctions(BiFunction<String, List<Expression>, Expression> userFunctions) {
        return new FunctionRegistry(builtins, Objects.requireNonNull(userFunctions, "userFunctions is null"));
    }

    /** The names of the built-in functions, in lower case and sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(builtins.keySet());
    }

    /**
     * The call of the function {@code name} on {@code args}.
     *
     * @throws AnalysisException if there is no such function (naming the closest ones) or the
     *     arguments do not fit it
     */
    public Expression call(String name, List<Expression> args, boolean distinct) {
        Expression udf = userFunctions.apply(name, args);
        if (udf != null) {
            if (distinct) {
                throw new AnalysisException("[DISTINCT_NOT_SUPPORTED] DISTINCT cannot be used with the user-defined "
                        + "function `" + name + "`.");
            }
            return udf;
        }
        String key = name.toLowerCase(Locale.ROOT);
        FunctionBuilder b = builtins.get(key);
        if (b == null) {
            List<String> close = Names.closest(key, builtins.keySet(), 3);
            throw new AnalysisException("[UNRESOLVED_ROUTINE] Cannot resolve function `" + name + "` on search path "
                    + "[builtin, session]." + (close.isEmpty() ? "" : " Did you mean " + Names.quoted(close) + "?"));
        }
        return b.build(key, List.copyOf(args), distinct);
    }

    // ---- the built-in table ---------------------------------------------------------------------

    private static Map<String, FunctionBuilder> builtins() {
        Map<String, List<Fn>> scalar = new TreeMap<>();
        for (Fn f : Fn.values()) {
            if (f != Fn.NEGATIVE) {
                scalar.computeIfAbsent(f.sqlName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        scalar.put("negative", List.of(Fn.NEGATIVE));
        Map<String, FunctionBuilder> out = new TreeMap<>();
        scalar.forEach((name, fns) -> out.put(name, scalar(fns)));
        for (AggFn f : AggFn.values()) {
            out.put(f.sqlName(), aggregate(f));
        }
        alias(out, "substr", "substring");
        alias(out, "day", "dayofmonth");
        alias(out, "pow", "power");
        out.put("log", scalar(List.of(Fn.LN, Fn.LOG)));
        alias(out, "sign", "signum");
        alias(out, "ceiling", "ceil");
        alias(out, "mean", "avg");
        alias(out, "stddev_samp", "stddev");
        alias(out, "std", "stddev");
        alias(out, "var_samp", "variance");
        out.put("coalesce", (n, args, d) -> new Coalesce(atLeast(n, args, 1)));
        out.put("nvl", (n, args, d) -> new Coalesce(exactly(n, args, 2)));
        alias(out, "ifnull", "nvl");
        out.put("isnull", (n, args, d) -> new IsNull(exactly(n, args, 1).get(0), false));
        out.put("isnotnull", (n, args, d) -> new IsNull(exactly(n, args, 1).get(0), true));
        out.put("grouping", (n, args, d) -> new Grouping(exactly(n, args, 1).get(0)));
        out.put("grouping_id", (n, args, d) -> new GroupingId(args));
        out.put("not", (n, args, d) -> new Not(exactly(n, args, 1).get(0)));
        out.put("if", (n, args, d) -> {
            List<Expression> a = exactly(n, args, 3);
            return new CaseWhen(List.of(), false).when(a.get(0), a.get(1)).otherwise(a.get(2));
        });
        for (RankingFunction.Kind k : RankingFunction.Kind.values()) {
            if (k == RankingFunction.Kind.NTILE) {
                continue;
            }
            out.put(k.sqlName(), (n, args, d) -> {
                exactly(n, args, 0);
                return new RankingFunction(k);
            });
        }
        out.put("ntile", (n, args, d) -> RankingFunction.ntile(positiveIntLiteral(n, exactly(n, args, 1).get(0))));
        out.put("nth_value", (n, args, d) -> nthValue(n, args));
        alias(out, "first_value", "first");
        alias(out, "last_value", "last");
        out.put("rand", (n, args, d) -> random(false, n, args));
        out.put("random", (n, args, d) -> random(false, n, args));
        out.put("randn", (n, args, d) -> random(true, n, args));
        out.put("lag", (n, args, d) -> offset(false, n, args));
        out.put("struct", (n, args, d) -> CreateNamedStruct.of(args));
        out.put("named_struct", (n, args, d) -> namedStruct(n, args));
        out.put("explode", (n, args, d) -> new Explode(exactly(n, args, 1).get(0), false, false));
        out.put("posexplode", (n, args, d) -> new Explode(exactly(n, args, 1).get(0), true, false));
        out.put("explode_outer", (n, args, d) -> new Explode(exactly(n, args, 1).get(0), false, true));
        out.put("posexplode_outer", (n, args, d) -> new Explode(exactly(n, args, 1).get(0), true, true));
        out.put("from_json", (n, args, d) -> fromJson(n, args));
        out.put("lead", (n, args, d) -> offset(true, n, args));
        return Collections.unmodifiableMap(out);
    }

    private static void alias(Map<String, FunctionBuilder> table, String alias, String target) {
        table.put(alias, table.get(target));
    }

    /** A {@link Fn} call, choosing among the constants of one name by the number of arguments. */
    private static FunctionBuilder scalar(List<Fn> fns) {
        return (name, args, distinct) -> {
            noDistinct(name, distinct);
            for (Fn f : fns) {
                if (f.acceptsArity(args.size())) {
                    return new ScalarFunction(f, args);
                }
            }
            for (Fn f : fns) {
                List<Object> defaults = TRAILING_DEFAULTS.getOrDefault(f, List.of());
                for (int missing = 1; missing <= defaults.size(); missing++) {
                    if (f.acceptsArity(args.size() + missing)) {
                        List<Expression> all = new ArrayList<>(args);
                        for (Object v : defaults.subList(defaults.size() - missing, defaults.size())) {
                            all.add(Literal.create(v));
                        }
                        return new ScalarFunction(f, all);
                    }
                }
            }
            throw wrongArgs(name, args.size());
        };
    }

    /** An aggregate: one argument, plus the optional {@code ignoreNulls} flag of first and last. */
    private static FunctionBuilder aggregate(AggFn fn) {
        return (name, args, distinct) -> {
            boolean flagged = (fn == AggFn.FIRST || fn == AggFn.LAST) && args.size() == 2;
            if (args.size() != 1 && !flagged) {
                throw wrongArgs(name, args.size());
            }
            boolean ignoreNulls = flagged && booleanLiteral(name, args.get(1));
            return new AggregateExpression(fn, args.get(0), distinct, ignoreNulls);
        };
    }

    /** {@code named_struct('a', x, 'b', y)}: names are string literals. */
    private static Expression namedStruct(String name, List<Expression> args) {
        if (args.isEmpty() || args.size() % 2 != 0) {
            throw new AnalysisException("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `" + name + "` requires 2n (n > 0) "
                    + "parameters but the actual number is " + args.size() + ".");
        }
        List<String> names = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            names.add(stringLiteral(name, args.get(i), "field name"));
            values.add(args.get(i + 1));
        }
        return new CreateNamedStruct(names, values);
    }

    /** {@code from_json(json, 'a INT, b STRING')}: the schema is a DDL string literal. */
    private static Expression fromJson(String name, List<Expression> args) {
        exactly(name, args, 2);
        String ddl = stringLiteral(name, args.get(1), "schema");
        try {
            return new JsonToStructs(args.get(0), StructType.fromDDL(ddl));
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("[INVALID_SCHEMA.PARSE_ERROR] The input schema " + ddl
                    + " is not a valid schema string: " + e.getMessage() + ".");
        }
    }

    private static String stringLiteral(String name, Expression e, String what) {
        if (e instanceof Literal l && l.value() instanceof String s) {
            return s;
        }
        throw new AnalysisException("[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] The " + what + " of `" + name
                + "` must be a string literal, not " + e.sql() + ".");
    }

    /** {@code lag(input[, offset[, default]])} / {@code lead(...)}; the offset must be an integer literal. */
    private static Expression offset(boolean lead, String name, List<Expression> args) {
        if (args.isEmpty() || args.size() > 3) {
            throw wrongArgs(name, args.size());
        }
        int offset = 1;
        if (args.size() >= 2) {
            if (!(args.get(1) instanceof Literal l) || !(l.value() instanceof Integer i)) {
                throw new AnalysisException("[INVALID_OFFSET] The offset of `" + name + "` must be an integer literal, "
                        + "not " + args.get(1).sql() + ".");
            }
            offset = i;
        }
        Expression defaultValue = args.size() == 3 ? args.get(2) : Literal.NULL;
        return new OffsetFunction(lead, args.get(0), offset, defaultValue);
    }

    /** {@code nth_value(input, n[, ignoreNulls])}; {@code n} must be a positive integer literal. */
    private static Expression nthValue(String name, List<Expression> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw wrongArgs(name, args.size());
        }
        boolean ignoreNulls = args.size() == 3 && booleanLiteral(name, args.get(2));
        return new NthValueFunction(args.get(0), positiveIntLiteral(name, args.get(1)), ignoreNulls);
    }

    /** The value of an integer literal argument that must be positive (ntile's groups, nth_value's row). */
    private static int positiveIntLiteral(String name, Expression e) {
        if (e instanceof Literal l && l.value() instanceof Integer i && i > 0) {
            return i;
        }
        throw new AnalysisException("[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] The argument " + e.sql() + " of `" + name
                + "` must be a positive integer literal.");
    }

    /** {@code rand([seed])} / {@code randn([seed])}; the seed must be an integer literal. */
    private static Expression random(boolean gaussian, String name, List<Expression> args) {
        if (args.size() > 1) {
            throw wrongArgs(name, args.size());
        }
        if (args.isEmpty()) {
            return new Rand(new java.util.Random().nextLong(), gaussian);
        }
        if (args.get(0) instanceof Literal l && (l.value() instanceof Integer || l.value() instanceof Long)) {
            return new Rand(((Number) l.value()).longValue(), gaussian);
        }
        throw new AnalysisException("[INPUT_SEED] The seed of `" + name + "` must be an integer literal, not "
                + args.get(0).sql() + ".");
    }

    private static boolean booleanLiteral(String name, Expression e) {
        if (e instanceof Literal l && l.value() instanceof Boolean b) {
            return b;
        }
        throw new AnalysisException("[UNEXPECTED_INPUT_TYPE] The second argument of `" + name + "` (ignoreNulls) "
                + "must be a boolean literal, not " + e.sql() + ".");
    }

    private static List<Expression> exactly(String name, List<Expression> args, int n) {
        if (args.size() != n) {
            throw wrongArgs(name, args.size());
        }
        return args;
    }

    private static List<Expression> atLeast(String name, List<Expression> args, int n) {
        if (args.size() < n) {
            throw wrongArgs(name, args.size());
        }
        return args;
    }

    private static void noDistinct(String name, boolean distinct) {
        if (distinct) {
            throw new AnalysisException("[DISTINCT_NOT_SUPPORTED] DISTINCT can only be used in aggregate functions, "
                    + "not in `" + name + "`.");
        }
    }

    private static AnalysisException wrongArgs(String name, int n) {
        return new AnalysisException("[WRONG_NUM_ARGS] The function `" + name + "` does not accept " + n
                + " argument" + (n == 1 ? "" : "s") + ".");
    }
}
