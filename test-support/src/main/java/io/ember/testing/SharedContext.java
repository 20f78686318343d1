package io.ember.testing;

import io.ember.dataframe.EmberSession;
import io.ember.rdd.EmberContext;
import java.util.Map;

/**
 * The context shared by the tests of a run, kept in JUnit's root store (which closes it when the
 * run ends) and replaced when a test class asks for other settings.
 */
final class SharedContext implements AutoCloseable {
    private EmberContext context;
    private Map<String, String> settings;

    /** The shared context with these settings, started (or restarted) as needed. */
    synchronized EmberContext get(Map<String, String> wanted) {
        if (context != null && !context.isStopped() && wanted.equals(settings)) {
            return context;
        }
        close();
        EmberContext.Builder builder = EmberContext.builder();
        wanted.forEach(builder::config);
        context = builder.getOrCreate();
        settings = Map.copyOf(wanted);
        return context;
    }

    /** A session over the shared context (call {@link #get} first). */
    synchronized EmberSession session() {
        EmberSession session = EmberSession.builder().getOrCreate();
        if (session.context() != context) {
            throw new IllegalStateException("Another EmberSession is active on " + session.context()
                    + "; the test extension needs the session of its own context " + context);
        }
        return session;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
