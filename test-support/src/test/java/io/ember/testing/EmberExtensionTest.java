package io.ember.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.EmberSession;
import io.ember.rdd.EmberContext;
import io.vavr.collection.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extension injects one shared context, configured by the annotation, quiet by default. */
@EmberTest
class EmberExtensionTest {
    private static EmberContext fromBeforeAll;

    @BeforeAll
    static void remember(EmberContext sc) {
        fromBeforeAll = sc;
    }

    @Test
    void context_isInjectedAndShared(EmberContext sc) {
        assertSame(fromBeforeAll, sc);
        assertFalse(sc.isStopped());
        assertEquals(List.of(2, 4, 6), sc.parallelize(List.of(1, 2, 3)).map(x -> x * 2).collect());
    }

    @Test
    void defaults_areLocal2WithoutUiOrProgressBar(EmberContext sc) {
        assertEquals("local[2]", sc.master());
        assertEquals(2, sc.executors().size());
        assertEquals("ember-test", sc.appName());
        assertTrue(sc.uiWebUrl().isEmpty());
        assertEquals("false", sc.conf().get("ember.ui.showConsoleProgress").get());
    }

    @Test
    void session_wrapsTheSharedContext(EmberSession spark, EmberContext sc) {
        assertSame(sc, spark.context());
        assertEquals(3, spark.range(0, 3).count());
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClasses_getTheSameContext(EmberContext sc) {
            assertSame(fromBeforeAll, sc);
        }
    }
}
