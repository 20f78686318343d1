package io.ember.benchmarks.compare;

import java.lang.management.ManagementFactory;

/** The machine's one-minute load average, which the results table states at a run's start and end. */
final class LoadAverage {
    private LoadAverage() {
    }

    /** The one-minute load average, or a negative number where the platform does not tell. */
    static double oneMinute() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
