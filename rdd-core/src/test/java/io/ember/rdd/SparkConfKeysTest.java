package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A ported job's {@code spark.*} builder lines set their Ember equivalents. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SparkConfKeysTest {
    @TempDir
    Path dir;

    @Test
    void contextBuilder_understandsSparkKeys() {
        Path localDir = dir.resolve("not-yet-there");
        String log = capturingStderr(() -> {
            try (EmberContext sc = EmberContext.builder()
                    .config("spark.master", "local[2]").config("spark.app.name", "ported")
                    .config("spark.default.parallelism", "5").config("spark.task.maxFailures", "2")
                    .config("spark.ui.enabled", "false").config("spark.local.dir", localDir.toString())
                    .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                    .config("spark.speculation.quantile", "0.9")
                    .getOrCreate()) {
                assertEquals("local[2]", sc.master());
                assertEquals("ported", sc.appName());
                assertEquals(5, sc.defaultParallelism());
                assertEquals(2, sc.conf().taskMaxFailures());
                assertEquals(Optional.empty(), sc.uiWebUrl().toJavaOptional());
                assertTrue(sc.storage().localDir().startsWith(localDir), sc.storage().localDir().toString());
                assertEquals(10, sc.parallelize(io.vavr.collection.List.range(0, 10)).count());
                assertFalse(sc.conf().getAll().keySet().exists(k -> k.startsWith("spark.")), sc.conf().toString());
            }
        });
        assertTrue(log.contains("WARN") && log.contains("'spark.speculation.quantile'"), log);
        // spark.serializer is known and ignored on purpose: at most an INFO line (hidden at the default level WARN).
        assertTrue(log.lines().noneMatch(l -> l.contains("spark.serializer") && l.contains("WARN")), log);
    }

    @Test
    void sparkKeys_badValuesAreNamedAsTheirEmberKeys() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> EmberContext.builder().config("spark.default.parallelism", "many"));
        assertTrue(bad.getMessage().contains("'ember.default.parallelism'") && bad.getMessage().contains("'many'"),
                bad.getMessage());
    }

    @Test
    void theTable_mapsEveryCommonKeyToAnEmberKey() {
        assertEquals(Optional.of("ember.sql.shuffle.partitions"), SparkConfKeys.emberKey("spark.sql.shuffle.partitions"));
        assertEquals(Optional.of("ember.ui.port"), SparkConfKeys.emberKey("spark.ui.port"));
        assertEquals(Optional.of("ember.other"), SparkConfKeys.emberKey("ember.other"));
        assertEquals("ember.sql.session.timeZone", SparkConfKeys.lookupKey("spark.sql.session.timeZone"));
        assertEquals("spark.unknown", SparkConfKeys.lookupKey("spark.unknown"));
        assertTrue(SparkConfKeys.equivalents().values().stream().allMatch(k -> k.startsWith("ember.")));
        assertTrue(SparkConfKeys.equivalents().keySet().containsAll(java.util.List.of("spark.master", "spark.app.name",
                "spark.default.parallelism", "spark.task.maxFailures", "spark.ui.enabled", "spark.ui.port",
                "spark.local.dir", "spark.sql.shuffle.partitions", "spark.sql.autoBroadcastJoinThreshold",
                "spark.sql.session.timeZone")));
    }

    private static String capturingStderr(Runnable r) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
