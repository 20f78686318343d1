package io.ember.dataframe;

/** One session for every test class of this module (a JVM has one active context). */
final class TestSession {
    private TestSession() {
    }

    static EmberSession get() {
        EmberSession s = EmberSession.builder().master("local[2]").appName("dataframe-tests")
                .config("ember.sql.session.timeZone", "UTC")
                .config("ember.sql.shuffle.partitions", "3")
                .getOrCreate();
        s.conf().set("ember.sql.session.timeZone", "UTC");
        s.conf().set("ember.sql.shuffle.partitions", 3);
        s.conf().set("ember.sql.autoBroadcastJoinThreshold", "10485760");
        s.conf().unset("ember.sql.optimizer.excludedRules");
        s.conf().unset("ember.sql.columnBatchSize");
        return s;
    }
}
