package io.ember.dataframe.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Parses one SQL query with JSqlParser and reports failures as {@link ParseException}s that name
 * the line and column of the offending text.
 *
 * <p>Design notes. JSqlParser reserves {@code csv} as a keyword, so Spark's direct file query
 * {@code SELECT * FROM csv.`data/x.csv`} would not parse. Before parsing, a pass over JSqlParser's
 * own token stream quotes a file format name that stands before {@code .`path`}
 * ({@code `csv`.`data/x.csv`}), and so does a word JSqlParser reserves where Spark reads it as a
 * name ({@link KeywordIdentifiers}: {@code SELECT sum(x) returns}). Error positions are mapped
 * back to the text the user wrote.
 */
final class SqlParser {
    private static final Set<String> FORMATS = Set.of("csv", "parquet", "json", "text");
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private SqlParser() {
    }

    /**
     * The query {@code sql} as JSqlParser's tree.
     *
     * @throws ParseException if it does not parse, is not a query, or holds more than one statement
     */
    static SqlSource parse(String sql) {
        return parseQuery(sql, 0);
    }

    /**
     * The query that starts at offset {@code queryStart} of {@code sql}, after the header of a
     * statement such as {@code EXPLAIN} or {@code CREATE VIEW v AS}. The header is blanked out
     * rather than cut off, so that every position in an error is one in {@code sql}.
     *
     * @throws ParseException if the query does not parse, naming its line and column in {@code sql}
     */
    static SqlSource parseQuery(String sql, int queryStart) {
        StringBuilder blanked = new StringBuilder(sql);
        for (int i = 0; i < queryStart; i++) {
            char c = sql.charAt(i);
            if (c != '\n' && c != '\r') {
                blanked.setCharAt(i, ' ');
            }
        }
        List<int[]> quoted = new ArrayList<>();
        List<int[]> antiJoins = new ArrayList<>();
        String query = blanked.toString();
        String text = quoteNames(sql, query, quoted, antiJoins);
        Statement statement = parseWhole(sql, text, quoted, CCJSqlParser::Statement);
        if (!(statement instanceof Select select)) {
            String kind = statement == null ? "an empty statement" : statement.getClass().getSimpleName();
            int[] at = firstWord(query);
            throw new ParseException("[UNSUPPORTED_STATEMENT] Only queries (SELECT, WITH, UNION...) can be run, not "
                    + kind, sql, at[0], at[1], at[2]);
        }
        return new SqlSource(sql, select, quoted, antiJoins);
    }

    /**
     * The expression {@code sql}, optionally aliased ({@code "d + INTERVAL 3 DAYS"},
     * {@code "upper(name) AS n"}), as JSqlParser's tree of a select list item, with the source to
     * locate errors in it.
     *
     * @throws ParseException if it does not parse as one expression
     */
    static SqlSource.Parsed<SelectItem<?>> parseExpression(String sql) {
        List<int[]> quoted = new ArrayList<>();
        SelectItem<?> item = parseWhole(sql, quoteNames(sql, quoted), quoted, CCJSqlParser::SelectItem);
        return new SqlSource.Parsed<>(new SqlSource(sql, null, quoted, List.of()), item);
    }

    /** A production of JSqlParser's grammar. */
    @FunctionalInterface
    private interface Production<T> {
        T parse(CCJSqlParser parser) throws net.sf.jsqlparser.parser.ParseException;
    }

    /** {@code text} (the rewrite of {@code sql}) parsed by {@code production}, which must consume all of it. */
    private static <T> T parseWhole(String sql, String text, List<int[]> quoted, Production<T> production) {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(text);
        T result;
        try {
            result = production.parse(parser);
        } catch (net.sf.jsqlparser.parser.ParseException e) {
            Token bad = e.currentToken == null ? null : e.currentToken.next;
            throw syntaxError(sql, quoted, bad);
        } catch (TokenMgrException e) {
            // The lexer reports its position only in its message.
            Matcher m = LEXICAL_POSITION.matcher(String.valueOf(e.getMessage()));
            int line = 1;
            int column = 1;
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = originalColumn(quoted, line, Integer.parseInt(m.group(2)));
            }
            throw new ParseException("[PARSE_SYNTAX_ERROR] Syntax error: unterminated string or identifier, or an "
                    + "invalid character", sql, line, column, 1);
        }
        Token next = parser.getToken(1);
        if (next.kind != CCJSqlParserConstants.EOF) {
            throw syntaxError(sql, quoted, next);
        }
        return result;
    }

    private static ParseException syntaxError(String sql, List<int[]> quoted, Token bad) {
        if (bad == null || bad.kind == CCJSqlParserConstants.EOF) {
            String[] lines = sql.split("\r\n|\r|\n", -1);
            int line = lines.length;
            return new ParseException("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input", sql, line,
                    lines[line - 1].length() + 1, 1);
        }
        int column = originalColumn(quoted, bad.beginLine, bad.beginColumn);
        String image = bad.image;
        for (int[] q : quoted) {
            if (q[0] == bad.beginLine && q[1] == bad.beginColumn) {
                image = image.substring(1, image.length() - 1);
            }
        }
        return new ParseException("[PARSE_SYNTAX_ERROR] Syntax error at or near '" + image + "'", sql, bad.beginLine,
                column, image.length());
    }

    /** The column in the user's text of {@code column} in the rewritten text (each quoting added 2). */
    static int originalColumn(List<int[]> quoted, int line, int column) {
        int shift = 0;
        for (int[] q : quoted) {
            if (q[0] == line && q[1] < column) {
                shift += 2;
            }
        }
        return column - shift;
    }

    /** {@link #quoteNames(String, List, List)} for a text in which anti joins need no record. */
    static String quoteNames(String sql, List<int[]> quoted) {
        return quoteNames(sql, quoted, new ArrayList<>());
    }

    /**
     * {@code sql} with every file format name followed by {@code .`path`} quoted, and every word
     * JSqlParser reserves where Spark reads it as a name ({@link KeywordIdentifiers}), recording
     * the rewritten tokens' positions (line, column in the rewritten text) in {@code quoted}.
     * {@code LEFT ANTI JOIN}, which JSqlParser does not know, is rewritten to the
     * {@code LEFT SEMI JOIN} it does know (the same length, so no position moves), and the
     * position of each {@code ANTI} (in the rewritten text) recorded in {@code antiJoins} for the
     * translator to tell the two apart. A text the lexer rejects is returned as it is, for the
     * parser to report.
     *
     * @throws ParseException for {@code SEMI JOIN} or {@code ANTI JOIN} without {@code LEFT}
     */
    static String quoteNames(String sql, List<int[]> quoted, List<int[]> antiJoins) {
        return quoteNames(sql, sql, quoted, antiJoins);
    }

    /** As {@link #quoteNames(String, List, List)}, errors showing {@code shown} (the text as written). */
    private static String quoteNames(String shown, String sql, List<int[]> quoted, List<int[]> antiJoins) {
        List<Token> tokens = tokens(sql);
        if (tokens == null) {
            return sql;
        }
        List<Token> toQuote = new ArrayList<>();
        List<Token[]> intervals = new ArrayList<>();
        List<Token> antis = new ArrayList<>();
        List<Token> cubes = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String word = t.image.toLowerCase(Locale.ROOT);
            if (word.equals("cube") && i > 0 && tokens.get(i - 1).image.equalsIgnoreCase("with")) {
                cubes.add(t);
                continue;
            }
            if ((word.equals("anti") || word.equals("semi")) && i + 1 < tokens.size()
                    && tokens.get(i + 1).image.equalsIgnoreCase("join")) {
                if (i == 0 || !tokens.get(i - 1).image.equalsIgnoreCase("left")) {
                    throw new ParseException("[UNSUPPORTED_SQL_SYNTAX] " + t.image.toUpperCase(Locale.ROOT)
                            + " JOIN without LEFT is not supported; write LEFT " + t.image.toUpperCase(Locale.ROOT)
                            + " JOIN", shown, t.beginLine, t.beginColumn, t.image.length());
                }
                if (word.equals("anti")) {
                    antis.add(t);
                }
                continue;
            }
            if (word.equals("interval")) {
                int end = multiUnitIntervalEnd(tokens, i + 1);
                if (end > i + 3) {
                    intervals.add(new Token[] {tokens.get(i + 1), tokens.get(end - 1)});
                    i = end - 1;
                    continue;
                }
            }
            boolean formatName = i + 2 < tokens.size() && FORMATS.contains(word)
                    && tokens.get(i + 1).image.equals(".") && tokens.get(i + 2).image.startsWith("`");
            if (formatName || KeywordIdentifiers.isName(tokens, i)) {
                toQuote.add(t);
            }
        }
        if (toQuote.isEmpty() && antis.isEmpty() && intervals.isEmpty() && cubes.isEmpty()) {
            return sql;
        }
        int[] lineStarts = lineStarts(sql);
        StringBuilder sb = new StringBuilder(sql);
        for (Token t : antis) {
            int at = lineStarts[t.beginLine - 1] + t.beginColumn - 1;
            sb.replace(at, at + t.image.length(), "SEMI");
        }
        // Each edit adds two characters, at its start token: quoted names and multi-unit intervals.
        List<Token> widened = new ArrayList<>(toQuote);
        List<int[]> edits = new ArrayList<>();
        for (Token t : toQuote) {
            int at = lineStarts[t.beginLine - 1] + t.beginColumn - 1;
            edits.add(new int[] {at, at + t.image.length(), '`'});
        }
        // GROUP BY a, b WITH CUBE, which JSqlParser does not parse, becomes the WITH ROLLUP it does (two
        // characters longer, as a quoting); the translator reads the original text to tell them apart.
        for (Token t : cubes) {
            widened.add(t);
            int at = lineStarts[t.beginLine - 1] + t.beginColumn - 1;
            edits.add(new int[] {at, at + t.image.length(), 0});
        }
        for (Token[] span : intervals) {
            widened.add(span[0]);
            int at = lineStarts[span[0].beginLine - 1] + span[0].beginColumn - 1;
            int end = lineStarts[span[1].beginLine - 1] + span[1].beginColumn - 1 + span[1].image.length();
            edits.add(new int[] {at, end, '\''});
        }
        edits.sort((a, b) -> Integer.compare(b[0], a[0]));
        for (int[] e : edits) {
            if (e[2] == 0) {
                sb.replace(e[0], e[1], "ROLLUP");
                continue;
            }
            String quote = String.valueOf((char) e[2]);
            sb.replace(e[0], e[1], quote + sb.substring(e[0], e[1]) + quote);
        }
        for (Token t : widened) {
            quoted.add(new int[] {t.beginLine, rewrittenColumn(widened, t)});
        }
        for (Token t : antis) {
            antiJoins.add(new int[] {t.beginLine, rewrittenColumn(widened, t)});
        }
        return sb.toString();
    }

    /**
     * The index after the (number, unit) pairs that start at {@code from}, all on one line:
     * Spark's multi-unit interval {@code INTERVAL 1 YEAR 2 MONTHS}, which JSqlParser does not
     * parse, is rewritten to the string form {@code INTERVAL '1 YEAR 2 MONTHS'} it does.
     */
    private static int multiUnitIntervalEnd(List<Token> tokens, int from) {
        int j = from;
        while (j + 1 < tokens.size() && tokens.get(j).beginLine == tokens.get(from).beginLine
                && tokens.get(j + 1).beginLine == tokens.get(from).beginLine
                && (tokens.get(j).kind == CCJSqlParserConstants.S_LONG
                || tokens.get(j).kind == CCJSqlParserConstants.S_DOUBLE)
                && IntervalLiterals.isUnit(tokens.get(j + 1).image)) {
            j += 2;
        }
        return j;
    }

    /** The column of {@code t} once every token of {@code quoted} before it on its line gained two backquotes. */
    private static int rewrittenColumn(List<Token> quoted, Token t) {
        int earlierOnLine = 0;
        for (Token q : quoted) {
            if (q.beginLine == t.beginLine && q.beginColumn < t.beginColumn) {
                earlierOnLine++;
            }
        }
        return t.beginColumn + 2 * earlierOnLine;
    }

    /**
     * The tokens of {@code sql} as JSqlParser's lexer reads them (comments skipped, columns
     * counting a tab as one), or null if the lexer rejects the text: the parser then reports
     * where.
     */
    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        try {
            SimpleCharStream chars = new SimpleCharStream(new StringProvider(sql));
            chars.setTabSize(1);
            CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(chars);
            for (Token t = lexer.getNextToken(); t.kind != CCJSqlParserConstants.EOF; t = lexer.getNextToken()) {
                tokens.add(t);
            }
        } catch (TokenMgrException e) {
            return null;
        }
        return tokens;
    }

    /** The offset in {@code sql} of line {@code line}, column {@code column} (both from 1). */
    static int offset(String sql, int line, int column) {
        return lineStarts(sql)[line - 1] + column - 1;
    }

    private static int[] lineStarts(String sql) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        int[] out = new int[starts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = starts.get(i);
        }
        return out;
    }

    /** Line, column and length of the first word of {@code sql}. */
    private static int[] firstWord(String sql) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i++;
        }
        int n = 0;
        while (i + n < sql.length() && Character.isLetter(sql.charAt(i + n))) {
            n++;
        }
        return new int[] {line, column, Math.max(1, n)};
    }
}
