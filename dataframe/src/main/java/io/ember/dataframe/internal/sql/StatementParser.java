package io.ember.dataframe.internal.sql;

import io.ember.dataframe.internal.plan.LogicalPlan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.Token;

/**
 * Reads the header of a Spark SQL command: {@code CREATE [OR REPLACE] TEMPORARY VIEW v AS},
 * {@code DROP VIEW}, {@code CACHE [LAZY] TABLE}, {@code UNCACHE TABLE}, {@code SET},
 * {@code SHOW TABLES}, {@code DESCRIBE [TABLE]}, {@code EXPLAIN [EXTENDED]}. A text that starts
 * with none of these words is a query.
 *
 * <p>Design notes. JSqlParser does not parse {@code CACHE TABLE}, {@code UNCACHE TABLE},
 * {@code DESCRIBE TABLE t} or {@code EXPLAIN EXTENDED}, and reads the others into statement
 * classes of its own dialects. These headers are short fixed word sequences, so they are read
 * here from JSqlParser's token stream (comments skipped, positions known), and the query that may
 * follow is parsed by JSqlParser as any query is ({@link SqlParser#parseQuery}), positions
 * unchanged. Errors name the unexpected word, its line and column.
 */
final class StatementParser {
    private static final Set<String> COMMANDS = Set.of("create", "drop", "cache", "uncache", "set", "show",
            "describe", "desc", "explain");

    private final String sql;
    private final List<Token> tokens;
    private final IntFunction<LogicalPlan> queryAt;
    private int next;

    private StatementParser(String sql, List<Token> tokens, IntFunction<LogicalPlan> queryAt) {
        this.sql = sql;
        this.tokens = tokens;
        this.queryAt = queryAt;
    }

    /**
     * The statement {@code sql}; {@code queryAt} plans the query that starts at a given offset
     * of {@code sql} (the whole text for a plain query).
     *
     * @throws ParseException naming the line and column of a word that does not fit the command
     */
    static SqlStatement read(String sql, IntFunction<LogicalPlan> queryAt) {
        List<Token> tokens = SqlParser.tokens(sql);
        if (tokens == null || tokens.isEmpty() || !COMMANDS.contains(lower(tokens.get(0)))) {
            return new SqlStatement.Query(queryAt.apply(0));
        }
        return new StatementParser(sql, tokens, queryAt).command();
    }

    private SqlStatement command() {
        String first = lower(tokens.get(next++));
        return switch (first) {
            case "create" -> createView();
            case "drop" -> dropView();
            case "cache" -> cacheTable();
            case "uncache" -> {
                expect("table");
                boolean ifExists = accept("if") && expect("exists");
                yield end(new SqlStatement.UncacheTable(name(), ifExists));
            }
            case "set" -> set();
            case "show" -> {
                expect("tables");
                Optional<String> pattern = Optional.empty();
                if (accept("like")) {
                    pattern = Optional.of(stringLiteral());
                }
                yield end(new SqlStatement.ShowTables(pattern));
            }
            case "describe", "desc" -> {
                accept("table");
                if (peek("extended") || peek("formatted") || peek("query") || peek("function")) {
                    throw unsupported("DESCRIBE " + tokens.get(next).image.toUpperCase(Locale.ROOT));
                }
                yield end(new SqlStatement.Describe(name()));
            }
            default -> explain();
        };
    }

    private SqlStatement createView() {
        boolean replace = accept("or") && expect("replace");
        if (peek("global")) {
            throw unsupported("GLOBAL TEMPORARY VIEW (only session-scoped temporary views exist)");
        }
        if (!accept("temporary") && !accept("temp")) {
            throw unsupported("CREATE " + (next < tokens.size() ? tokens.get(next).image.toUpperCase(Locale.ROOT) : "")
                    + " (only CREATE [OR REPLACE] TEMPORARY VIEW: Ember has no persistent catalog)");
        }
        expect("view");
        if (peek("if")) {
            throw unsupported("CREATE TEMPORARY VIEW IF NOT EXISTS");
        }
        String name = name();
        if (peek("(")) {
            throw unsupported("A column list in CREATE VIEW (alias the query's columns instead)");
        }
        expect("as");
        return new SqlStatement.CreateTempView(name, replace, query());
    }

    private SqlStatement dropView() {
        if (!accept("view") && !accept("table")) {
            throw syntaxError("VIEW or TABLE");
        }
        boolean ifExists = accept("if") && expect("exists");
        return end(new SqlStatement.DropView(name(), ifExists));
    }

    private SqlStatement cacheTable() {
        boolean lazy = accept("lazy");
        expect("table");
        String name = name();
        if (peek("options")) {
            throw unsupported("CACHE TABLE ... OPTIONS");
        }
        if (next >= tokens.size()) {
            return new SqlStatement.CacheTable(name, lazy, Optional.empty());
        }
        accept("as");
        return new SqlStatement.CacheTable(name, lazy, Optional.of(query()));
    }

    /** {@code SET}, {@code SET key} or {@code SET key = value}: the key and value as written (quotes removed). */
    private SqlStatement set() {
        if (next >= tokens.size()) {
            return new SqlStatement.SetConfig(Optional.empty(), Optional.empty());
        }
        int keyStart = offsetOf(tokens.get(next));
        int equals = -1;
        for (int i = next; i < tokens.size(); i++) {
            if (tokens.get(i).image.equals("=")) {
                equals = i;
                break;
            }
        }
        String rest = sql.substring(keyStart);
        if (equals < 0) {
            return new SqlStatement.SetConfig(Optional.of(unquote(rest.strip())), Optional.empty());
        }
        int at = offsetOf(tokens.get(equals));
        String key = unquote(sql.substring(keyStart, at).strip());
        String value = unquote(sql.substring(at + 1).strip());
        if (key.isEmpty()) {
            next = equals;
            throw syntaxError("a setting name");
        }
        return new SqlStatement.SetConfig(Optional.of(key), Optional.of(value));
    }

    private SqlStatement explain() {
        String mode = accept("extended") ? "extended" : accept("cost") ? "cost" : "simple";
        if (peek("formatted") || peek("codegen") || peek("logical")) {
            throw unsupported("EXPLAIN " + tokens.get(next).image.toUpperCase(Locale.ROOT)
                    + " (EXPLAIN, EXPLAIN EXTENDED and EXPLAIN COST are)");
        }
        return new SqlStatement.Explain(query(), mode);
    }

    // ---- the token cursor -------------------------------------------------------------------------

    private LogicalPlan query() {
        if (next >= tokens.size()) {
            throw syntaxError("a query");
        }
        return queryAt.apply(offsetOf(tokens.get(next)));
    }

    /** A one-part name: a word or a backquoted identifier. */
    private String name() {
        if (next >= tokens.size()) {
            throw syntaxError("a name");
        }
        Token t = tokens.get(next);
        boolean word = t.image.matches("[A-Za-z_][A-Za-z0-9_]*") || t.image.startsWith("`");
        if (!word) {
            throw syntaxError("a name");
        }
        next++;
        if (peek(".")) {
            throw unsupported("A qualified name (temporary views have one-part names)");
        }
        return Names.unquote(t.image);
    }

    private String stringLiteral() {
        if (next >= tokens.size() || tokens.get(next).kind != CCJSqlParserConstants.S_CHAR_LITERAL) {
            throw syntaxError("a string literal");
        }
        return unquote(tokens.get(next++).image);
    }

    private boolean peek(String word) {
        return next < tokens.size() && tokens.get(next).image.equalsIgnoreCase(word);
    }

    private boolean accept(String word) {
        if (peek(word)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean expect(String word) {
        if (!accept(word)) {
            throw syntaxError(word.toUpperCase(Locale.ROOT));
        }
        return true;
    }

    private SqlStatement end(SqlStatement statement) {
        if (next < tokens.size() && !(next == tokens.size() - 1 && tokens.get(next).image.equals(";"))) {
            throw syntaxError("the end of the statement");
        }
        return statement;
    }

    private int offsetOf(Token t) {
        return SqlParser.offset(sql, t.beginLine, t.beginColumn);
    }

    private ParseException syntaxError(String expected) {
        if (next >= tokens.size()) {
            String[] lines = sql.split("\r\n|\r|\n", -1);
            return new ParseException("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: expected " + expected,
                    sql, lines.length, lines[lines.length - 1].length() + 1, 1);
        }
        Token t = tokens.get(next);
        return new ParseException("[PARSE_SYNTAX_ERROR] Syntax error at or near '" + t.image + "': expected " + expected,
                sql, t.beginLine, t.beginColumn, t.image.length());
    }

    private ParseException unsupported(String what) {
        Token t = tokens.get(Math.min(next, tokens.size() - 1));
        return new ParseException("[UNSUPPORTED_SQL_SYNTAX] " + what + " is not supported", sql, t.beginLine,
                t.beginColumn, t.image.length());
    }

    private static String lower(Token t) {
        return t.image.toLowerCase(Locale.ROOT);
    }

    /** {@code text} without a final {@code ;} and the single quotes, double quotes or backquotes around it. */
    private static String unquote(String text) {
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        return Names.unquote(text);
    }
}
