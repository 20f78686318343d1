package io.ember.dataframe;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the heap in use every 5 ms on a daemon thread, for the larger-than-memory tests' reports
 * (the sum of per-pool peaks would overstate it). Owned by the test that starts it.
 */
final class HeapSampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;

    private HeapSampler() {
    }

    /** A sampler already running, after a GC so that earlier garbage does not count. */
    static HeapSampler start() {
        System.gc();
        HeapSampler s = new HeapSampler();
        Thread t = new Thread(() -> {
            while (s.running) {
                s.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(5_000_000);
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return s;
    }

    /** The most heap seen in use so far. */
    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() {
        running = false;
    }
}
