package io.ember.rdd;

import io.ember.rdd.internal.scheduler.TaskContextImpl;
import io.ember.rdd.internal.storage.BroadcastCache;
import io.ember.rdd.internal.storage.BroadcastManager;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A read-only value shipped to each executor once, not with every task, and cached there:
 * closures capture the small {@code Broadcast} handle and call {@link #value()}.
 *
 * <pre>{@code
 * Broadcast<Map<String, Integer>> codes = sc.broadcast(HashMap.of("a", 1, "b", 2));
 * rdd.map(key -> codes.value().get(key).getOrElse(0));
 * }</pre>
 *
 * <p>{@link EmberContext#broadcast} serializes the value once and returns when every executor
 * holds it; each executor deserializes it once and its tasks share that object, so it must not
 * be modified. {@link #unpersist()} drops the executors' copies (they are shipped again before
 * the next job), {@link #destroy()} drops everything for good. Thread-safe.
 *
 * @param <T> the value's type
 */
public final class Broadcast<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long id;
    private final AtomicReference<List<String>> holders;
    private final transient BroadcastManager manager;
    private transient volatile T value;
    private transient volatile boolean destroyed;

    Broadcast(T value, BroadcastManager manager) {
        BroadcastManager.Shipped shipped = manager.create(value);
        this.id = shipped.id();
        this.holders = shipped.holders();
        this.manager = manager;
        this.value = value;
    }

    /** The id of this broadcast within the application. */
    public long id() {
        return id;
    }

    /**
     * The value: on the driver the object given to {@code broadcast}, on an executor the
     * executor's shared copy.
     *
     * @throws IllegalStateException on the driver after {@link #destroy()}
     */
    public T value() {
        T local = value;
        if (local != null) {
            return local;
        }
        TaskContextImpl task = TaskContextImpl.CURRENT.get();
        if (task != null) {
            return BroadcastCache.value(id, holders.get(), task.services());
        }
        throw new IllegalStateException("Broadcast " + id + " was destroyed" + (destroyed ? "" : " or is not on the driver"));
    }

    /** Drops the executors' copies without waiting; the value is shipped again when a job needs it. */
    public void unpersist() {
        unpersist(false);
    }

    /** Drops the executors' copies; with {@code blocking}, returns once they are gone. */
    public void unpersist(boolean blocking) {
        driverOnly().unpersist(id, blocking);
    }

    /** Drops the value everywhere, for good; later uses fail. Returns once the executors dropped it. */
    public void destroy() {
        BroadcastManager m = driverOnly();
        destroyed = true;
        value = null;
        m.destroy(id, true);
    }

    private BroadcastManager driverOnly() {
        if (manager == null) {
            throw new IllegalStateException("Broadcast " + id + " can only be unpersisted or destroyed on the driver");
        }
        return manager;
    }

    @Override
    public String toString() {
        return "Broadcast(" + id + ")";
    }
}
