package io.ember.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The compare command line, workload selection and answer comparison, without running anything. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CompareOptionsTest {

    private static List<String> ids(String... args) {
        return CompareOptions.parse(args).workloads().stream().map(Workload::id).toList();
    }

    @Test
    void workloads_expandW7AndTpch_inOrderGivenEachOnce() {
        assertEquals(List.of("W7top", "W7sort", "Q3", "W1"), ids("W7", "tpch:Q3", "W1", "w7"));
        assertEquals(22, ids("tpch").size());
        assertEquals(10 + 22, ids().size(), "nothing named is all");
        assertEquals(ids(), ids("all"));
    }

    @Test
    void badWorkloadsAndOptions_areErrorsNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ids("W10")).getMessage().contains("W10"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ids("tpch:Q23")).getMessage().contains("Q23"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ids("--run", "3")).getMessage().contains("--run"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ids("--engines", "flink")).getMessage()
                .contains("flink"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ids("--heap", "lots")).getMessage()
                .contains("lots"));
        assertThrows(IllegalArgumentException.class, () -> ids("--runs", "0"));
        assertThrows(IllegalArgumentException.class, () -> ids("--timeout"));
    }

    @Test
    void answers_numbersAgreeToARelativeMillionth_textExactly() {
        List<List<String>> duckDb = List.of(List.of("A", "1.000000", "37734107.00"), List.of("B", "2", "0.5"));
        List<List<String>> ember = List.of(List.of("A", "1.0", "37734107.0000001"), List.of("B", "2", "0.5"));
        assertTrue(Answers.difference(duckDb, ember, true).isEmpty());
        assertFalse(Answers.difference(duckDb, List.of(ember.get(1), ember.get(0)), true).isEmpty(), "order counts");
        assertTrue(Answers.difference(duckDb, List.of(ember.get(1), ember.get(0)), false).isEmpty());
        assertFalse(Answers.sameCell("0.5", "0.5001"));
        assertFalse(Answers.sameCell("a", "A"));
        assertEquals("3 rows instead of 2", Answers.difference(duckDb, List.of(ember.get(0), ember.get(0),
                ember.get(0)), true).orElseThrow());
    }

    @Test
    void cells_doNotDependOnTheJavaTypeThatCarriedThem() {
        assertEquals("1996-03-13", Answers.cell(java.time.LocalDate.of(1996, 3, 13)));
        assertEquals("1996-03-13", Answers.cell(java.sql.Date.valueOf("1996-03-13")));
        assertEquals("2021-01-01 05:00:00", Answers.cell(java.time.LocalDateTime.of(2021, 1, 1, 5, 0)));
        assertEquals("2021-01-01 05:00:00", Answers.cell(java.time.Instant.parse("2021-01-01T05:00:00Z")));
        assertEquals("2021-01-01 05:00:00", Answers.cell(java.time.OffsetDateTime.parse("2021-01-01T06:00:00+01:00")));
        assertEquals("NULL", Answers.cell(null));
        assertEquals("a\\tb", Answers.cell("a\tb"));
    }
}
