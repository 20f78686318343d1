package io.ember.examples;

import io.ember.dataframe.EmberSession;

/** The session the example tests share (one active context per JVM); UTC, so hours are the files' hours. */
final class ExampleSession {
    private ExampleSession() {
    }

    static EmberSession get() {
        EmberSession spark = EmberSession.builder().master("local[2]").appName("example-tests")
                .config("ember.ui.enabled", "false")
                .getOrCreate();
        spark.conf().set("ember.sql.session.timeZone", "UTC");
        spark.conf().set("ember.sql.shuffle.partitions", 3);
        return spark;
    }
}
