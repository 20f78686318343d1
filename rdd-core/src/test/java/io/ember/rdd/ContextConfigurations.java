package io.ember.rdd;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs a test class's behaviours on one shared context per class; subclasses pick the master,
 * so each behaviour is written once and checked with one executor and with several.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContextConfigurations {
    protected EmberContext sc;

    /** The master URL this configuration runs on. */
    protected abstract String master();

    @BeforeAll
    void startContext() {
        sc = EmberContext.builder().master(master()).appName(getClass().getSimpleName()).getOrCreate();
    }

    @AfterAll
    void stopContext() {
        sc.close();
    }
}
