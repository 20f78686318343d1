package io.ember.dataframe.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.Column;
import io.ember.dataframe.Functions;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Fn;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.UnresolvedAttribute;
import io.ember.dataframe.types.StructType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every SQL function name builds exactly the expression its {@code Functions} counterpart builds
 * (so both front ends run the same implementation), and every function of {@code Functions} can
 * be called from SQL.
 */
class FunctionRegistryTest {
    private static final FunctionRegistry REGISTRY = FunctionRegistry.builtin();

    /** SQL names whose {@code Functions} method has another name. */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("power", "pow"), Map.entry("sign", "signum"), Map.entry("ceiling", "ceil"),
            Map.entry("substr", "substring"), Map.entry("day", "dayofmonth"), Map.entry("negative", "negate"),
            Map.entry("std", "stddev"), Map.entry("var_samp", "variance"), Map.entry("nvl", "coalesce"),
            Map.entry("ifnull", "coalesce"));

    /** SQL names that {@code Functions} exposes as {@code Column} methods or through another construct. */
    private static final Set<String> COLUMN_METHODS = Set.of("like", "rlike", "contains", "startswith", "endswith",
            "isnotnull", "if", "named_struct");

    /** SQL names whose seedless calls draw a random seed, so that two calls never build equal expressions. */
    private static final Set<String> RANDOMLY_SEEDED = Set.of("rand", "random", "randn");

    /** {@code Functions} methods that are not SQL functions (or are SQL syntax rather than a call). */
    private static final Set<String> NOT_SQL_FUNCTIONS = Set.of("col", "column", "lit", "when", "asc", "desc",
            "broadcast", "udf", "callUDF", "countDistinct", "sumDistinct", "expr", "toDegrees", "toRadians");

    @Test
    void everySqlName_buildsWhatItsFunctionsCounterpartBuilds() throws Exception {
        List<String> compared = new ArrayList<>();
        for (String name : REGISTRY.names()) {
            if (COLUMN_METHODS.contains(name) || RANDOMLY_SEEDED.contains(name)) {
                continue;
            }
            String javaName = RENAMED.getOrDefault(name, name);
            List<Method> overloads = comparableOverloads(javaName);
            assertFalse(overloads.isEmpty(), "no Functions counterpart for SQL function " + name);
            for (Method m : overloads) {
                Object[] javaArgs = new Object[m.getParameterCount()];
                List<Expression> sqlArgs = new ArrayList<>();
                Class<?>[] types = m.getParameterTypes();
                for (int i = 0; i < types.length; i++) {
                    if (types[i] == Column.class) {
                        javaArgs[i] = Functions.col("c" + i);
                        sqlArgs.add(new UnresolvedAttribute("c" + i));
                    } else if (types[i] == Column[].class) {
                        javaArgs[i] = new Column[] {Functions.col("c" + i), Functions.col("d" + i)};
                        sqlArgs.add(new UnresolvedAttribute("c" + i));
                        sqlArgs.add(new UnresolvedAttribute("d" + i));
                    } else {
                        // from_json's schema: a StructType in Java, its DDL string literal in SQL.
                        Object value = name.equals("from_json") ? StructType.fromDDL("a INT") : sample(types[i], i);
                        javaArgs[i] = types[i] == String.class && value instanceof StructType s ? s.toDDL() : value;
                        sqlArgs.add(Literal.create(value instanceof StructType s ? s.toDDL() : value));
                    }
                }
                Expression fromJava = expr((Column) m.invoke(null, javaArgs));
                Expression fromSql = REGISTRY.call(name.toUpperCase(Locale.ROOT), sqlArgs, false);
                assertEquals(fromJava, fromSql, "SQL " + name + " vs Functions." + m);
                compared.add(name);
            }
        }
        assertTrue(compared.containsAll(List.of("upper", "substring", "round", "split", "regexp_replace", "to_date",
                "date_trunc", "sum", "count", "first", "collect_list", "row_number", "lag", "lead", "coalesce",
                "isnull")), compared.toString());
    }

    @Test
    void everyFunctionsMethod_isCallableFromSql() {
        Set<String> missing = new TreeSet<>();
        for (Method m : Functions.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Column.class
                    && !NOT_SQL_FUNCTIONS.contains(m.getName())) {
                String sqlName = m.getName().toLowerCase(Locale.ROOT);
                boolean known = REGISTRY.names().contains(sqlName) || RENAMED.containsValue(m.getName());
                if (!known) {
                    missing.add(m.getName());
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void distinctAggregates_matchCountDistinctAndSumDistinct() {
        Expression c = new UnresolvedAttribute("c0");
        assertEquals(expr(Functions.countDistinct(Functions.col("c0"))), REGISTRY.call("count", List.of(c), true));
        assertEquals(expr(Functions.sumDistinct(Functions.col("c0"))), REGISTRY.call("sum", List.of(c), true));
    }

    @Test
    void columnMethodFunctions_matchTheirColumnMethods() {
        Column a = Functions.col("c0");
        Expression c = new UnresolvedAttribute("c0");
        assertEquals(expr(a.like("x%")), REGISTRY.call("like", List.of(c, Literal.create("x%")), false));
        assertEquals(expr(a.rlike("x+")), REGISTRY.call("rlike", List.of(c, Literal.create("x+")), false));
        assertEquals(expr(a.contains("x")), REGISTRY.call("contains", List.of(c, Literal.create("x")), false));
        assertEquals(expr(a.startsWith("x")), REGISTRY.call("startswith", List.of(c, Literal.create("x")), false));
        assertEquals(expr(a.endsWith("x")), REGISTRY.call("endswith", List.of(c, Literal.create("x")), false));
        assertEquals(expr(a.isNotNull()), REGISTRY.call("isnotnull", List.of(c), false));
        assertEquals(expr(Functions.when(a.gt(1), 1).otherwise(2)),
                REGISTRY.call("if", List.of(expr(a.gt(1)), Literal.create(1), Literal.create(2)), false));
    }

    @Test
    void everyFnAndAggFn_isReachableByItsSqlName() {
        for (Fn f : Fn.values()) {
            String name = f == Fn.NEGATIVE ? "negative" : f.sqlName().toLowerCase(Locale.ROOT);
            assertTrue(REGISTRY.names().contains(name), name);
        }
        for (AggFn f : AggFn.values()) {
            assertInstanceOf(AggregateExpression.class,
                    REGISTRY.call(f.sqlName(), List.of(new UnresolvedAttribute("x")), false));
        }
    }

    @Test
    void names_areCaseInsensitive() {
        Expression c = new UnresolvedAttribute("c0");
        assertEquals(REGISTRY.call("upper", List.of(c), false), REGISTRY.call("UpPeR", List.of(c), false));
    }

    @Test
    void unknownFunction_namesTheClosestOnes() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> REGISTRY.call("uper", List.of(new UnresolvedAttribute("x")), false));
        assertTrue(e.getMessage().contains("[UNRESOLVED_ROUTINE]") && e.getMessage().contains("`upper`"),
                e.getMessage());
    }

    @Test
    void wrongArgumentCount_isAnAnalysisError() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> REGISTRY.call("upper", List.of(Literal.create("a"), Literal.create("b")), false));
        assertTrue(e.getMessage().contains("[WRONG_NUM_ARGS]"), e.getMessage());
    }

    @Test
    void userFunctions_shadowBuiltIns() {
        Expression marker = Literal.create("udf");
        FunctionRegistry withUdf = REGISTRY.withUserFunctions((n, args) -> n.equals("upper") ? marker : null);
        assertEquals(marker, withUdf.call("upper", List.of(), false));
        assertInstanceOf(Expression.class, withUdf.call("lower", List.of(Literal.create("A")), false));
    }

    private static List<Method> comparableOverloads(String javaName) {
        List<Method> out = new ArrayList<>();
        for (Method m : Functions.class.getMethods()) {
            if (!m.getName().equals(javaName) || m.getReturnType() != Column.class) {
                continue;
            }
            boolean hasColumn = false;
            boolean onlyInts = true;
            for (Class<?> t : m.getParameterTypes()) {
                hasColumn |= t == Column.class || t == Column[].class;
                onlyInts &= t == int.class;
            }
            // Functions of constants only, such as ntile(n), compare with the same literals in SQL.
            if (hasColumn || onlyInts) {
                out.add(m);
            }
        }
        return out;
    }

    private static Object sample(Class<?> type, int i) {
        if (type == int.class) {
            return 2 + i;
        }
        if (type == double.class) {
            return 2.5 + i;
        }
        if (type == boolean.class) {
            return true;
        }
        return "s" + i;
    }

    /** The expression inside a column (package-private in the API; read reflectively here). */
    static Expression expr(Column c) {
        try {
            Method m = Column.class.getDeclaredMethod("expr");
            m.setAccessible(true);
            return (Expression) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
