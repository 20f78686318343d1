package io.ember.dataframe.internal.sql;

import io.ember.dataframe.EmberSession;

/**
 * The session the SQL and window tests share with the module's other tests (one active context
 * per JVM): the same settings, never closed (the JVM's exit stops it).
 */
public final class SqlTestSession {
    private SqlTestSession() {
    }

    /** The shared session, with the settings the tests expect reset. */
    public static EmberSession get() {
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
