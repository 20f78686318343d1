package io.ember.dataframe.internal.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.Token;

/**
 * Finds the words that JSqlParser reserves but Spark SQL does not, where a query uses them as
 * names ({@code SELECT sum(x) returns}, {@code WHERE window = 1}, {@code SELECT double FROM t}),
 * so that the parser's rewrite can backquote them.
 *
 * <p>Design notes. JSqlParser's grammar reserves keywords of other dialects (MySQL's
 * {@code STRAIGHT_JOIN}, Oracle's {@code PRIOR}, T-SQL's {@code PIVOT}...) and some of Spark's own
 * keywords, which Spark's default, non-ANSI mode accepts as identifiers. A word of
 * {@link #RESERVED_BY_JSQLPARSER} is read as a name when the token before it is {@code .} or
 * {@code AS} (a qualified name, an alias), or when the token after it cannot continue the clause
 * the keyword would start ({@code ,}, {@code )}, {@code FROM}, an operator, the end...). The
 * words that start a clause in Spark keep that meaning when followed by what the clause needs
 * ({@code WINDOW w AS}, {@code CURRENT ROW}, {@code LEFT SEMI JOIN}, {@code LIMIT 10},
 * {@code LATERAL VIEW}); type names after {@code AS} or {@code ::} stay types
 * ({@code CAST(x AS int)}). Hour, day, month, year, minute and second are not rewritten: the
 * translator reads them as names where JSqlParser parses them as date units.
 */
final class KeywordIdentifiers {
    /** Words JSqlParser does not accept as names in some places, which Spark accepts as names. */
    private static final Set<String> RESERVED_BY_JSQLPARSER = Set.of("returns", "window", "semi", "unique", "prior",
            "pivot", "unpivot", "tablesample", "lateral", "straight_join", "current", "limit", "offset", "global",
            "file", "set", "qualify", "double", "int", "integer", "long", "uuid");
    /** Type names: after {@code AS} or {@code ::} they are the target of a cast, not an alias. */
    private static final Set<String> TYPE_NAMES = Set.of("double", "int", "integer", "long", "uuid");
    /** Tokens that end a name: what may follow a column or an alias but no keyword of the set. */
    private static final Set<String> AFTER_A_NAME = Set.of(",", ")", ".", ";", "as", "::", "[", "=", "<>", "!=", "<", ">", "<=",
            ">=", "<=>", "+", "-", "*", "/", "%", "||", "from", "where", "group", "order", "having", "and", "or",
            "is", "in", "not", "like", "rlike", "between", "asc", "desc", "nulls", "on", "join", "union",
            "intersect", "except", "minus", "then", "else", "end", "when", "inner", "left", "right", "full",
            "cross", "natural", "using", "sort", "cluster", "distribute");

    private KeywordIdentifiers() {
    }

    /** Whether {@code tokens[i]} is a word JSqlParser reserves, standing where Spark reads a name. */
    static boolean isName(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String word = t.image.toLowerCase(Locale.ROOT);
        if (t.kind == CCJSqlParserConstants.S_IDENTIFIER || !RESERVED_BY_JSQLPARSER.contains(word)) {
            return false;
        }
        String before = i == 0 ? "" : tokens.get(i - 1).image.toLowerCase(Locale.ROOT);
        String after = i + 1 < tokens.size() ? tokens.get(i + 1).image.toLowerCase(Locale.ROOT) : ";";
        if (TYPE_NAMES.contains(word) && (before.equals("as") || before.equals("::"))) {
            return false;
        }
        if (word.equals("semi") && before.equals("left")) {
            return false;
        }
        if (before.equals(".") || before.equals("as")) {
            return true;
        }
        return AFTER_A_NAME.contains(after);
    }
}
