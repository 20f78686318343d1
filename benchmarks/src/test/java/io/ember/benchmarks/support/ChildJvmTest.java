package io.ember.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.benchmarks.W9Startup;
import org.junit.jupiter.api.Test;

/** Child JVMs: their failures carry their output, and their memory reaches the parent. */
class ChildJvmTest {

    @Test
    void failingChild_isReportedWithItsOutput() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChildJvm.run(NoMainMethod.class));
        assertTrue(e.getMessage().contains("exited with 1"), e.getMessage());
        assertTrue(e.getMessage().contains("main method"), e.getMessage());
    }

    @Test
    void childPeakRss_reachesTheParent_untilReset() throws Exception {
        ChildJvm.resetPeakRss();
        ChildJvm.run(W9Startup.EmptyMain.class);
        if (ProcessMemory.peakRssBytes().isPresent()) { // Linux: the child could read its VmHWM
            assertTrue(ChildJvm.peakRssBytes().orElseThrow() > 10 << 20, "a JVM takes more than 10 MB");
        }
        ChildJvm.resetPeakRss();
        assertFalse(ChildJvm.peakRssBytes().isPresent());
    }

    /** Has no main method: the child JVM fails at launch and exits with 1. */
    static final class NoMainMethod {
    }
}
