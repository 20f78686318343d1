package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import java.util.List;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.select.Select;

/**
 * A parsed query with the text it came from, so that errors found while translating it can point
 * at the line and column of the part at fault.
 *
 * @param sql    the text as the user wrote it
 * @param select JSqlParser's tree (null when an expression was parsed)
 * @param quoted    where the parser's rewrite quoted names (line, column), to map positions back
 * @param antiJoins where the parser's rewrite turned {@code LEFT ANTI JOIN} into {@code LEFT SEMI JOIN}
 *                  (line, column of {@code ANTI} in the rewritten text)
 */
record SqlSource(String sql, Select select, List<int[]> quoted, List<int[]> antiJoins) {

    /** A parsed piece of SQL (a query, an expression) with its source. */
    record Parsed<T>(SqlSource source, T tree) {
    }

    /**
     * A {@link ParseException} at {@code node} for syntax Ember parses but does not support, or
     * a plain {@link AnalysisException} quoting the node when its position is unknown.
     */
    AnalysisException unsupported(String what, Object node) {
        Token t = firstToken(node);
        String headline = "[UNSUPPORTED_SQL_SYNTAX] " + what + " is not supported";
        if (t == null) {
            return new AnalysisException(headline + ": " + node);
        }
        return new ParseException(headline, sql, t.beginLine, SqlParser.originalColumn(quoted, t.beginLine,
                t.beginColumn), Math.max(1, Math.min(String.valueOf(node).length(), 40)));
    }

    /**
     * As {@link #unsupported(String, Object)}, at the first token {@code word} of the text, for
     * syntax whose node carries no position ({@code WITH RECURSIVE}); at {@code node} if there is
     * no such token.
     */
    AnalysisException unsupportedAtWord(String what, String word, Object node) {
        List<Token> tokens = SqlParser.tokens(sql);
        if (tokens != null) {
            for (Token t : tokens) {
                if (t.image.equalsIgnoreCase(word)) {
                    return new ParseException("[UNSUPPORTED_SQL_SYNTAX] " + what + " is not supported", sql,
                            t.beginLine, t.beginColumn, t.image.length());
                }
            }
        }
        return unsupported(what, node);
    }

    /** {@code e} with the position of {@code node} appended, if known and not already there. */
    AnalysisException locate(AnalysisException e, Object node) {
        Token t = firstToken(node);
        if (t == null || e instanceof ParseException || e.getMessage().contains("; line ")) {
            return e;
        }
        return new AnalysisException(e.getMessage() + "; line " + t.beginLine + ", column "
                + SqlParser.originalColumn(quoted, t.beginLine, t.beginColumn), e);
    }

    /**
     * Whether the semi join {@code join} was written {@code LEFT ANTI JOIN}: one of its tokens
     * before {@code JOIN} is a rewritten {@code ANTI}.
     */
    boolean isAntiJoin(net.sf.jsqlparser.statement.select.Join join) {
        for (Token t = firstToken(join); t != null && !t.image.equalsIgnoreCase("join"); t = t.next) {
            for (int[] a : antiJoins) {
                if (a[0] == t.beginLine && a[1] == t.beginColumn) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the {@code WITH ROLLUP} of the select block {@code select} was written
     * {@code WITH CUBE} (the parser's rewrite): its {@code ROLLUP} token, outside parentheses,
     * reads {@code CUBE} in the text as written.
     */
    boolean isWithCube(net.sf.jsqlparser.statement.select.PlainSelect select) {
        Token first = firstToken(select);
        Token last = select.getASTNode() == null ? null : select.getASTNode().jjtGetLastToken();
        int depth = 0;
        for (Token t = first; t != null; t = t.next) {
            depth += t.image.equals("(") ? 1 : t.image.equals(")") ? -1 : 0;
            if (depth == 0 && t.image.equalsIgnoreCase("rollup")) {
                int column = SqlParser.originalColumn(quoted, t.beginLine, t.beginColumn);
                int at = SqlParser.offset(sql, t.beginLine, column);
                return sql.regionMatches(true, at, "CUBE", 0, 4);
            }
            if (t == last) {
                break;
            }
        }
        return false;
    }

    /** The text of the first token of {@code node} as written, or {@code fallback} if its position is unknown. */
    String written(Object node, String fallback) {
        Token t = firstToken(node);
        return t == null ? fallback : t.image;
    }

    private static Token firstToken(Object node) {
        if (node instanceof ASTNodeAccess a) {
            Node n = a.getASTNode();
            return n == null ? null : n.jjtGetFirstToken();
        }
        return null;
    }
}
