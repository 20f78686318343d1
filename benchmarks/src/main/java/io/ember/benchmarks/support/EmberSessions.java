package io.ember.benchmarks.support;

import io.ember.dataframe.EmberSession;

/**
 * The one way DataFrame benchmarks start Ember: {@link EmberContexts#MASTER}, timestamps read and
 * split in UTC (BENCHMARKS.md: "session time zone UTC"), so results do not depend on the machine.
 */
public final class EmberSessions {
    /** The session time zone of every DataFrame workload. */
    public static final String TIME_ZONE = "UTC";

    private EmberSessions() {
    }

    /** Starts a {@code local[2]} session in UTC named after the workload; the caller closes it. */
    public static EmberSession start(String appName) {
        return EmberSession.builder()
                .master(EmberContexts.MASTER)
                .appName(appName)
                .config("ember.sql.session.timeZone", TIME_ZONE)
                .getOrCreate();
    }
}
