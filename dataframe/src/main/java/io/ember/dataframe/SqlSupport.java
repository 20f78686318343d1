package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.sql.FunctionRegistry;
import io.ember.dataframe.internal.sql.SqlFrontEnd;
import io.ember.dataframe.internal.sql.SqlStatement;
import java.util.List;
import java.util.Locale;

/**
 * Connects the SQL front end to a session: its analyzer and settings, its temporary views, its
 * registered UDFs (callable by name from SQL) and its reader (for {@code parquet.`path`} queries).
 * Lives beside {@link EmberSession} because UDF calls are built through {@link Column}s.
 */
final class SqlSupport {
    private SqlSupport() {
    }

    private static SqlFrontEnd frontEnd(EmberSession session) {
        return new SqlFrontEnd(session.analyzer(), session.sessionCatalog(), functions(session),
                (format, path) -> session.read().format(format).load(path).plan(), session.conf().caseSensitive());
    }

    /** The statement {@code sql} in {@code session}: a query's analyzed plan, or a command to run. */
    static SqlStatement statement(EmberSession session, String sql) {
        return frontEnd(session).statement(sql);
    }

    /** The unresolved expression of the SQL text {@code sql}, its functions looked up in {@code session}. */
    static Expression expression(EmberSession session, String sql) {
        return SqlFrontEnd.expression(sql, session == null ? FunctionRegistry.builtin() : functions(session));
    }

    /** The call of the SQL function {@code name} (built-in or a UDF of {@code session}) on {@code args}. */
    static Expression call(EmberSession session, String name, List<Expression> args) {
        return functions(session).call(name, args, false);
    }

    /** The built-in functions and the UDFs registered in {@code session}. */
    private static FunctionRegistry functions(EmberSession session) {
        return FunctionRegistry.builtin().withUserFunctions((name, args) -> udfCall(session.udf(), name, args));
    }

    /** The call of the UDF registered as {@code name} (or its lower-case spelling), or null if there is none. */
    private static Expression udfCall(UDFRegistration udfs, String name, List<Expression> args) {
        UserDefinedFunction f;
        try {
            f = udfs.lookup(name);
        } catch (AnalysisException exact) {
            try {
                f = udfs.lookup(name.toLowerCase(Locale.ROOT));
            } catch (AnalysisException lower) {
                return null;
            }
        }
        Column[] cols = new Column[args.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new Column(args.get(i));
        }
        return f.apply(cols).expr();
    }
}
