package io.ember.dataframe.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.EmberSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in SQL text: syntax errors name the line and column and show the text marked;
 * unknown tables, columns and functions name the closest existing ones; clauses that do not fit
 * together are refused, all before anything runs.
 */
class SqlErrorsTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    private static AnalysisException failure(String sql) {
        return assertThrows(AnalysisException.class, () -> spark.sql(sql));
    }

    @Test
    void syntaxError_namesLineAndColumn_andMarksTheText() {
        ParseException e = assertThrows(ParseException.class, () -> spark.sql("SELECT name\nFROM emp\nWHER id = 1"));
        assertEquals(3, e.line());
        assertEquals(6, e.column());
        assertTrue(e.getMessage().startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'id': line 3, column 6."),
                e.getMessage());
        assertTrue(e.getMessage().contains("== SQL ==\nSELECT name\nFROM emp\nWHER id = 1\n     ^^\n"), e.getMessage());
    }

    @Test
    void syntaxError_onTheFirstLine() {
        ParseException e = assertThrows(ParseException.class, () -> spark.sql("SELECT name,, id FROM emp"));
        assertEquals(1, e.line());
        assertEquals(12, e.column());
        assertTrue(e.getMessage().contains("at or near ','"), e.getMessage());
    }

    @Test
    void syntaxError_atTheEnd() {
        ParseException e = assertThrows(ParseException.class, () -> spark.sql("SELECT id FROM emp WHERE"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("WHERE"), e.getMessage());
    }

    @Test
    void unterminatedString_isALexicalError() {
        ParseException e = assertThrows(ParseException.class, () -> spark.sql("SELECT 'abc FROM emp"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
    }

    @Test
    void trailingText_isASyntaxError() {
        ParseException e = assertThrows(ParseException.class, () -> spark.sql("SELECT id FROM emp; SELECT 2"));
        assertEquals(21, e.column());
    }

    @Test
    void statementsOtherThanQueries_areRefused() {
        ParseException e = assertThrows(ParseException.class, () -> spark.sql("  INSERT INTO emp VALUES (6, 'Fay', 'hr', 1, 1)"));
        assertTrue(e.getMessage().contains("[UNSUPPORTED_STATEMENT]"), e.getMessage());
        assertEquals(3, e.column());
    }

    @Test
    void unsupportedSyntax_pointsAtIt() {
        ParseException e = assertThrows(ParseException.class,
                () -> spark.sql("SELECT id FROM emp WHERE (id, manager) IN (SELECT id, manager FROM emp)"));
        assertTrue(e.getMessage().contains("[UNSUPPORTED_SQL_SYNTAX] A subquery in IN with a row of several values"),
                e.getMessage());
        assertEquals(26, e.column());
    }

    @Test
    void unknownTable_namesTheClosestViews() {
        AnalysisException e = failure("SELECT * FROM emps");
        assertTrue(e.getMessage().contains("[TABLE_OR_VIEW_NOT_FOUND] The table or view `emps` cannot be found."),
                e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean one of the following? [`emp`"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, column 15"), e.getMessage());
    }

    @Test
    void unknownColumn_namesTheClosestColumns() {
        AnalysisException e = failure("SELECT id,\n  nmae FROM emp");
        assertTrue(e.getMessage().contains("[UNRESOLVED_COLUMN.WITH_SUGGESTION]"), e.getMessage());
        assertTrue(e.getMessage().contains("`nmae`") && e.getMessage().contains("[`emp`.`name`"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2, column 3"), e.getMessage());
    }

    @Test
    void unknownQualifiedColumn_inJoinCondition() {
        AnalysisException e = failure("SELECT * FROM emp e JOIN dept d ON e.dept = d.dpt");
        assertTrue(e.getMessage().contains("`d.dpt`") && e.getMessage().contains("`d`.`dept`"), e.getMessage());
    }

    @Test
    void unknownFunction_namesTheClosest() {
        AnalysisException e = failure("SELECT uppr(name) FROM emp");
        assertTrue(e.getMessage().contains("[UNRESOLVED_ROUTINE]") && e.getMessage().contains("`upper`"),
                e.getMessage());
    }

    @Test
    void columnNeitherGroupedNorAggregated() {
        AnalysisException e = failure("SELECT dept, name, count(*) FROM emp GROUP BY dept");
        assertTrue(e.getMessage().contains("[MISSING_AGGREGATION]") && e.getMessage().contains("\"name\""),
                e.getMessage());
    }

    @Test
    void groupByPosition_outOfRange() {
        AnalysisException e = failure("SELECT dept, count(*) FROM emp GROUP BY 3");
        assertTrue(e.getMessage().contains("[GROUP_BY_POS_OUT_OF_RANGE]"), e.getMessage());
    }

    @Test
    void groupByAnAggregate() {
        AnalysisException e = failure("SELECT count(*) FROM emp GROUP BY 1");
        assertTrue(e.getMessage().contains("[GROUP_BY_AGGREGATE]"), e.getMessage());
    }

    @Test
    void orderByPosition_outOfRange() {
        AnalysisException e = failure("SELECT id FROM emp ORDER BY 2");
        assertTrue(e.getMessage().contains("[ORDER_BY_POS_OUT_OF_RANGE]"), e.getMessage());
    }

    @Test
    void whereWithAnAggregate() {
        AnalysisException e = failure("SELECT dept FROM emp WHERE count(*) > 1 GROUP BY dept");
        assertTrue(e.getMessage().contains("[INVALID_WHERE_CONDITION]"), e.getMessage());
    }

    @Test
    void typeMismatch() {
        AnalysisException e = failure("SELECT id FROM emp WHERE name AND id");
        assertTrue(e.getMessage().contains("DATATYPE_MISMATCH"), e.getMessage());
    }

    @Test
    void badCastType() {
        AnalysisException e = failure("SELECT CAST(id AS WIDGET) FROM emp");
        assertTrue(e.getMessage().contains("[UNSUPPORTED_DATATYPE]"), e.getMessage());
    }

    @Test
    void errorsMessages_doNotLeakParserInternals() {
        ParseException e = assertThrows(ParseException.class, () -> spark.sql("SELEC id FROM emp"));
        assertFalse(e.getMessage().contains("Was expecting"), e.getMessage());
        assertEquals(1, e.column());
    }
}
