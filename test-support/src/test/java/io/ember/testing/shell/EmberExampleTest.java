package io.ember.testing.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** bin/ember-example runs an example by name and rejects unknown ones. */
@Timeout(120)
class EmberExampleTest {

    @Test
    void pi_runsThroughTheLauncher() throws Exception {
        Launcher.Result result = Launcher.run("bin/ember-example", "pi", "2");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Pi is roughly 3.1"), result.output());
        assertTrue(result.output().contains("Ember web UI at http://127.0.0.1:"), result.output());
    }

    @Test
    void unknownExample_listsTheKnownOnes() throws Exception {
        Launcher.Result result = Launcher.run("bin/ember-example", "nope");
        assertEquals(2, result.exitCode());
        assertTrue(result.output().contains("known: wordcount, taxi, pi"), result.output());
    }
}
