package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.Analyzer;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.Objects;

/**
 * The SQL front end: parses a query with JSqlParser and translates its syntax tree into the same
 * analyzed logical plan the DataFrame API would build, resolved with the session's
 * {@link Analyzer}. The optimizer, physical planner and executor that follow are shared with the
 * DataFrame API: one planner, two front ends.
 *
 * <p>Translating runs no job; reading a file query's schema may list files and read footers.
 * Not thread-safe: use one instance per query.
 */
public final class SqlFrontEnd {

    /** Reads files for direct queries such as {@code SELECT * FROM parquet.`data/trips`}. */
    @FunctionalInterface
    public interface FileRelations {
        /**
         * The plan reading {@code path} in {@code format} ({@code csv}, {@code parquet},
         * {@code json} or {@code text}) with the reader's default options.
         */
        LogicalPlan read(String format, String path);
    }

    private final Analyzer analyzer;
    private final SessionCatalog catalog;
    private final FunctionRegistry functions;
    private final FileRelations files;
    private final boolean caseSensitive;

    /**
     * A front end resolving names with {@code analyzer}, tables in {@code catalog}, functions in
     * {@code functions} and file queries with {@code files}; {@code caseSensitive} as the analyzer
     * (it decides whether {@code GROUP BY x} matches a select alias {@code X}).
     */
    public SqlFrontEnd(Analyzer analyzer, SessionCatalog catalog, FunctionRegistry functions, FileRelations files,
                       boolean caseSensitive) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.functions = Objects.requireNonNull(functions, "functions is null");
        this.files = Objects.requireNonNull(files, "files is null");
        this.caseSensitive = caseSensitive;
    }

    /**
     * The analyzed logical plan of the query {@code sql}.
     *
     * @throws ParseException if the text does not parse or uses unsupported syntax (naming the
     *     line and column)
     * @throws AnalysisException if a table, column or function is unknown (naming the closest
     *     existing ones) or the query does not type-check
     */
    public LogicalPlan plan(String sql) {
        Objects.requireNonNull(sql, "sql is null");
        return queryAt(sql, 0);
    }

    /**
     * The statement {@code sql}: a query, or a command such as {@code CREATE TEMPORARY VIEW},
     * {@code CACHE TABLE}, {@code SET}, {@code SHOW TABLES}, {@code DESCRIBE} or
     * {@code EXPLAIN}, its query (if any) translated to an analyzed plan. Reading a statement
     * changes nothing: the caller runs the command.
     *
     * @throws ParseException if the text does not parse or uses unsupported syntax (naming the
     *     line and column)
     * @throws AnalysisException if a query in it does not analyze
     */
    public SqlStatement statement(String sql) {
        Objects.requireNonNull(sql, "sql is null");
        return StatementParser.read(sql, start -> queryAt(sql, start));
    }

    private LogicalPlan queryAt(String sql, int start) {
        SqlSource source = SqlParser.parseQuery(sql, start);
        return new QueryTranslator(source, analyzer, catalog, functions, files, caseSensitive).query(source.select());
    }

    /**
     * The unresolved expression of the SQL text {@code sql} ({@code "d + INTERVAL 3 DAYS"},
     * {@code "upper(name) AS n"}), as the DataFrame API's {@code expr(...)} builds it; a trailing
     * alias ({@code AS n}) names the result. Functions resolve in {@code functions}; columns are
     * resolved later, by the analyzer, against the DataFrame the expression is used on.
     *
     * @throws ParseException if the text is not one expression (naming the line and column)
     * @throws AnalysisException if a function is unknown or its arguments do not fit
     */
    public static Expression expression(String sql, FunctionRegistry functions) {
        Objects.requireNonNull(sql, "sql is null");
        Objects.requireNonNull(functions, "functions is null");
        return ExpressionTexts.translate(sql, functions);
    }
}
