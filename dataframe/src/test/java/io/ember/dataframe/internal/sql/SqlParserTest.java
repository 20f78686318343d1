package io.ember.dataframe.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SetOperationList;
import org.junit.jupiter.api.Test;

/** The parser adapter: JSqlParser trees, the quoting of file format names, and error positions. */
class SqlParserTest {

    @Test
    void parsesQueries() {
        assertInstanceOf(PlainSelect.class, SqlParser.parse("SELECT a FROM t WHERE b = 1;").select());
        assertInstanceOf(SetOperationList.class, SqlParser.parse("SELECT 1 UNION ALL SELECT 2").select());
    }

    @Test
    void quotesFormatNamesBeforePaths_only() {
        List<int[]> quoted = new ArrayList<>();
        assertEquals("SELECT * FROM `csv`.`/a b.csv` c JOIN `parquet`.`p` ON 1 = 1",
                SqlParser.quoteNames("SELECT * FROM csv.`/a b.csv` c JOIN parquet.`p` ON 1 = 1", quoted));
        assertEquals(2, quoted.size());
        assertEquals(15, quoted.get(0)[1]);
        assertEquals(39, quoted.get(1)[1], "positions are those of the rewritten text");
        String untouched = "SELECT 'csv.`x`', csv_col FROM t -- csv.`y`\n";
        assertEquals(untouched, SqlParser.quoteNames(untouched, new ArrayList<>()));
    }

    @Test
    void errorPositions_mapBackThroughTheQuoting() {
        String sql = "SELECT * FROM csv.`x` JOIN csv.`y` ON ,";
        ParseException e = assertThrows(ParseException.class, () -> SqlParser.parse(sql));
        String near = e.getMessage().replaceAll("(?s).*at or near '([^']*)'.*", "$1");
        assertTrue(sql.substring(e.column() - 1).startsWith(near), e.getMessage());
    }

    @Test
    void multiLineErrors_markTheRightLine() {
        ParseException e = assertThrows(ParseException.class,
                () -> SqlParser.parse("SELECT a,\n       b\nFROM t\nGROUP a"));
        assertEquals(4, e.line());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().endsWith("GROUP a\n      ^\n"), e.getMessage());
    }

    @Test
    void emptyText_isAnError() {
        assertThrows(ParseException.class, () -> SqlParser.parse("   "));
    }
}
