package io.ember.dataframe.internal.ui;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.internal.ui.status.AppStatusStore;
import io.ember.rdd.internal.ui.status.Retention;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL executions of one application, built from its {@link SqlExecutionStart} and
 * {@link SqlExecutionEnd} events and the jobs that start while they run (Spark's
 * {@code SQLAppStatusListener} and {@code SQLAppStatusStore} in one). The SQL tab keeps one in
 * each application's {@link AppStatusStore}; {@link #of} finds it there.
 *
 * <p>Events arrive on the listener thread and queries on the web server's threads: one lock
 * guards the executions, and queries return immutable snapshots. The newest executions are kept,
 * as {@link Retention} bounds them.
 */
public final class SqlStatus implements EmberListener {
    private final Map<Long, LiveSqlExecution> executions = new TreeMap<>();

    SqlStatus() {
    }

    /**
     * The SQL executions kept in {@code store}.
     *
     * @throws IllegalStateException if the store has no SQL state (it was not made with the UI
     *     extensions attached, see {@link io.ember.rdd.internal.ui.web.UiExtensions#attachTo})
     */
    public static SqlStatus of(AppStatusStore store) {
        return store.extension(SqlTab.ID, SqlStatus.class).getOrElseThrow(() -> new IllegalStateException(
                "Application " + store.appId() + " has no SQL state: its store was made without the UI extensions"));
    }

    @Override
    public synchronized void onEvent(ListenerEvent event) {
        if (event instanceof SqlExecutionStart start) {
            executions.put(start.executionId(), new LiveSqlExecution(start));
            Retention.trim(executions.values().iterator(), executions.size(), execution -> !execution.running());
        } else if (event instanceof SqlExecutionEnd end) {
            LiveSqlExecution execution = executions.get(end.executionId());
            if (execution != null) {
                execution.ended(end);
            }
        } else if (event instanceof ListenerEvent.JobStart job) {
            for (LiveSqlExecution execution : executions.values()) {
                if (execution.running()) {
                    execution.jobIds.add(job.jobId());
                }
            }
        }
    }

    /**
     * Every retained SQL execution, newest first. A job belongs to the executions running when it
     * started (events carry no thread, so concurrent executions share their jobs).
     */
    public synchronized List<SqlExecutionData> executions() {
        List<SqlExecutionData> result = new ArrayList<>();
        executions.values().forEach(execution -> result.add(0, execution.toData()));
        return result;
    }

    /** One SQL execution. */
    public synchronized Option<SqlExecutionData> execution(long executionId) {
        return Option.of(executions.get(executionId)).map(LiveSqlExecution::toData);
    }
}
