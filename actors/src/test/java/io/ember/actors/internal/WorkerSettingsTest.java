package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's command line, with the example, the defaults and the mistakes. */
class WorkerSettingsTest {

    @Test
    void theDocumentedCommandLine_isUnderstood() {
        WorkerSettings settings = WorkerSettings.parse(new String[] {"--host", "127.0.0.1", "--port", "25521",
                "--seed", "127.0.0.1:25520", "--cores", "4", "--memory", "4g"});
        assertEquals("127.0.0.1", settings.host());
        assertEquals(25521, settings.port());
        assertEquals(List.of("127.0.0.1:25520"), settings.seeds());
        assertEquals(4, settings.cores());
        assertEquals(4L << 30, settings.memory());
    }

    @Test
    void withoutSeed_theNodeIsItsOwnSeed_onLoopback() {
        WorkerSettings settings = WorkerSettings.parse(new String[] {"--port", "25600"});
        assertEquals("127.0.0.1", settings.host());
        assertEquals(List.of("127.0.0.1:25600"), settings.seeds());
        assertTrue(settings.workDir().toString().endsWith("ember-worker-25600"));
    }

    @Test
    void mistakes_areNamed() {
        for (String[] args : List.of(new String[] {"--cores", "0"}, new String[] {"--seed", "nohost"},
                new String[] {"--memory", "lots"}, new String[] {"--frobnicate", "1"}, new String[] {"--port"})) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> WorkerSettings.parse(args));
            assertTrue(failure.getMessage().contains(args[0]) || failure.getMessage().contains(args[args.length - 1]),
                    failure.getMessage());
        }
        assertEquals(512L << 20, WorkerSettings.bytes("512m"));
    }
}
