package io.ember.dataframe.internal.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.internal.Redaction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Option checking, URL redaction and the partition clauses, against hand-written expectations. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JdbcOptionsTest {

    @Test
    void unknownOption_namesTheClosestKnownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcOptions.forRead(Map.of("url", "jdbc:h2:mem:x", "dbtable", "t", "partitionColum", "id"), Map.of()));
        assertTrue(e.getMessage().startsWith("Unknown JDBC option 'partitionColum'. Did you mean 'partitionColumn'?"),
                e.getMessage());
    }

    @Test
    void optionCombinations_areChecked() {
        assertEquals("Option 'dbtable' or 'query' is required.", assertThrows(IllegalArgumentException.class,
                () -> JdbcOptions.forRead(Map.of("url", "jdbc:h2:mem:x"), Map.of())).getMessage());
        assertEquals("Both 'dbtable' and 'query' can not be specified at the same time.",
                assertThrows(IllegalArgumentException.class, () -> JdbcOptions.forRead(
                        Map.of("url", "jdbc:h2:mem:x", "dbtable", "t", "query", "select 1"), Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JdbcOptions.forRead(
                Map.of("url", "jdbc:h2:mem:x", "dbtable", "t", "partitionColumn", "id", "lowerBound", "1"), Map.of()))
                .getMessage().contains("'lowerBound', 'upperBound', and 'numPartitions' are also required"));
        assertEquals("JDBC option 'numPartitions' must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> JdbcOptions.check("NUMPARTITIONS", "0")).getMessage());
        assertEquals("Option 'query' is not applicable while writing.", assertThrows(IllegalArgumentException.class,
                () -> JdbcOptions.forWrite(Map.of("url", "jdbc:h2:mem:x", "query", "select 1"), Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JdbcOptions.check("isolationLevel", "dirty"))
                .getMessage().contains("READ_UNCOMMITTED"));
    }

    @Test
    void urlSecrets_areRedacted() {
        String r = Redaction.REDACTED;
        assertEquals("jdbc:postgresql://h:5432/db?user=u&password=" + r + "&ssl=true",
                JdbcUrls.redact("jdbc:postgresql://h:5432/db?user=u&password=pw1&ssl=true"));
        assertEquals("jdbc:sqlserver://h;user=u;password=" + r + ";databaseName=d",
                JdbcUrls.redact("jdbc:sqlserver://h;user=u;password=pw2;databaseName=d"));
        assertEquals("jdbc:mysql://u:" + r + "@h:3306/db", JdbcUrls.redact("jdbc:mysql://u:pw3@h:3306/db"));
        assertEquals("jdbc:duckdb:/tmp/x.db", JdbcUrls.redact("jdbc:duckdb:/tmp/x.db"));
        JdbcOptions o = JdbcOptions.forRead(Map.of("url", "jdbc:postgresql://h/db?password=pw4", "dbtable", "t",
                "password", "pw5", "user", "me"), Map.of());
        assertFalse(o.toString().contains("pw4") || o.toString().contains("pw5"), o.toString());
        assertTrue(o.toString().contains("user=me"), o.toString());
        // The session's redaction pattern decides: here it also hides the user.
        JdbcOptions strict = JdbcOptions.forRead(Map.of("url", "jdbc:postgresql://h/db?user=me&password=pw6",
                "dbtable", "t", "user", "me"), Map.of(Redaction.REGEX_SETTING, "(?i)password|user"));
        assertEquals("jdbc:postgresql://h/db?user=" + r + "&password=" + r, strict.shownUrl());
        assertFalse(strict.toString().contains("me"), strict.toString());
    }

    @Test
    void stride_asSparkColumnPartition() {
        assertEquals(Arrays.asList((String) null), JdbcPartitioning.byStride("c", 0, 100, 1));
        assertEquals(Arrays.asList((String) null), JdbcPartitioning.byStride("c", 5, 5, 4));
        // 0..100 in 4: stride 25.
        assertEquals(List.of("c < 25 or c is null", "c >= 25 AND c < 50", "c >= 50 AND c < 75", "c >= 75"),
                JdbcPartitioning.byStride("c", 0, 100, 4));
        // Stride uses integer division of each bound: 10/3 - (-10)/3 = 3 - (-3) = 6.
        assertEquals(List.of("c < -4 or c is null", "c >= -4 AND c < 2", "c >= 2"),
                JdbcPartitioning.byStride("c", -10, 10, 3));
        assertEquals(2, JdbcPartitioning.byStride("c", 0, 2, 10).size());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JdbcPartitioning.byStride("c", 9, 1, 2))
                .getMessage().contains("Lower bound: 9; Upper bound: 1"));
    }
}
