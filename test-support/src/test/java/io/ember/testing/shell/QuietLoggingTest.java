package io.ember.testing.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal local run logs nothing at WARN or above: the word-count and taxi examples (RDDs, a
 * shuffle, text and CSV scans, a DataFrame join and aggregation, a Parquet write and read) run
 * through bin/ember-submit with the launchers' logging settings, and every line of their output
 * that a logger wrote at WARN or ERROR (slf4j-simple's {@code WARN}/{@code ERROR} level field, or
 * Akka's own {@code [WARN]}) is collected; there must be none.
 */
@Timeout(180)
class QuietLoggingTest {
    /** A log line at WARN or ERROR, as slf4j-simple or Akka's stdout logger write it. */
    private static final Pattern WARN_LINE = Pattern.compile("(^|\\] |\\s)(WARN|ERROR)\\s|\\[(WARN|WARNING|ERROR)\\]");

    @Test
    void examplesInLocalMode_logNothingAtWarn(@TempDir Path dir) throws Exception {
        Launcher.Result words = Launcher.run("bin/ember-example", "wordcount", dir.resolve("words.txt").toString(), "5000");
        assertEquals(0, words.exitCode(), words.output());
        assertTrue(words.output().contains("Top 20 words"), words.output());
        Launcher.Result taxi = Launcher.run("bin/ember-example", "taxi", dir.resolve("taxi").toString(), "2000");
        assertEquals(0, taxi.exitCode(), taxi.output());
        assertTrue(taxi.output().contains("zone-hours: "), taxi.output());
        for (Launcher.Result result : List.of(words, taxi)) {
            List<String> warnings = result.output().lines().filter(line -> WARN_LINE.matcher(line).find()).toList();
            assertEquals(List.of(), warnings, result.output());
            assertTrue(!result.output().contains("SLF4J"), "slf4j-simple is the launchers' backend: " + result.output());
        }
    }
}
