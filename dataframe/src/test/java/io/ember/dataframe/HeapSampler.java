package io.ember.dataframe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every 20 ms while a larger-than-memory test runs, to report its peak. */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, heap.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return; // why: interrupted only by close, which has stopped sampling anyway
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** A sampler already running, after a GC so that earlier garbage does not count. */
    static HeapSampler start() {
        System.gc();
        return new HeapSampler();
    }

    /** The most heap seen in use so far. */
    long peakBytes() {
        return peak;
    }

    /** Skips the test unless it runs in the small heap it is meant for (-Dtest= also selects it for the default execution). */
    static void assumeSmallHeap() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 512L << 20,
                "runs in the larger-than-memory execution (-Xmx384m)");
    }

    /** Shows the operators' spill lines (INFO) in the test output; call before any operator runs. */
    static void logSpills() {
        System.setProperty("org.slf4j.simpleLogger.log.io.ember.dataframe.internal.physical", "info");
    }

    /** "peak heap X MiB of Y MiB, wall Z s". */
    String report() {
        return String.format(java.util.Locale.ROOT, "peak heap %d MiB of %d MiB, wall %.1f s", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
