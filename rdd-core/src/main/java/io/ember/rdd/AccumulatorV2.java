package io.ember.rdd;

import io.ember.rdd.internal.TaskScope;
import io.vavr.control.Option;
import java.io.Serializable;

/**
 * A shared variable that tasks add to and the driver reads, as in Spark: each task adds to its
 * own zeroed copy, the copy travels back with the task's result, and the driver merges it into
 * the original. Get one from {@link EmberContext#longAccumulator}, {@link EmberContext#doubleAccumulator},
 * {@link EmberContext#collectionAccumulator}, or extend this class and pass an instance to
 * {@link EmberContext#register(AccumulatorV2, String)}.
 *
 * <pre>{@code
 * LongAccumulator blank = sc.longAccumulator("blank lines");
 * sc.textFile("in.txt").foreach(line -> { if (line.isEmpty()) blank.add(1); });
 * blank.value();   // read on the driver after the action
 * }</pre>
 *
 * <p><b>Exactness.</b> Updates made in tasks of an action's final stage are applied once per
 * partition, from its first successful attempt: failed and retried attempts never count twice.
 * Updates made inside transformations that feed a shuffle are applied for each successful
 * run of the map task, so a map stage recomputed after an executor loss counts again (as in
 * Spark).
 *
 * <p><b>For implementers.</b> A subclass needs a no-argument constructor (executors build their
 * copies through it) and must make {@link #reset()} return it to its zero. Inside a task,
 * {@link #value()} is that task's partial value. Driver-side reads and merges may happen on
 * different threads: built-in accumulators synchronize; custom ones should too.
 *
 * @param <IN> what {@link #add} takes
 * @param <OUT> what {@link #value} returns
 */
public abstract class AccumulatorV2<IN, OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    private long id = -1;
    private String name;

    /** Creates an unregistered accumulator; a copy built while a task is being decoded joins that task. */
    protected AccumulatorV2() {
        TaskScope.accumulatorCreated(this);
    }

    /** Whether this accumulator is at its zero value. */
    public abstract boolean isZero();

    /** A new accumulator of the same kind holding the same value (not registered). */
    public abstract AccumulatorV2<IN, OUT> copy();

    /** Returns this accumulator to its zero value. */
    public abstract void reset();

    /** Adds {@code v}. */
    public abstract void add(IN v);

    /** Merges another accumulator of the same kind into this one. */
    public abstract void merge(AccumulatorV2<IN, OUT> other);

    /** The current value: on the driver the merged total, inside a task that task's partial value. */
    public abstract OUT value();

    /** A zeroed copy. */
    public AccumulatorV2<IN, OUT> copyAndReset() {
        AccumulatorV2<IN, OUT> copy = copy();
        copy.reset();
        return copy;
    }

    /** The id given at registration, or -1. */
    public final long id() {
        return id;
    }

    /** The name given at registration, if any. */
    public final Option<String> name() {
        return Option.of(name);
    }

    /** Whether the accumulator was registered with a context. */
    public final boolean isRegistered() {
        return id >= 0;
    }

    /** Called once by the registry. */
    final void assign(long newId, String newName) {
        if (id >= 0) {
            throw new IllegalStateException("Accumulator " + this + " is already registered");
        }
        this.id = newId;
        this.name = newName;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(id: " + id + ", name: " + name + ", value: " + value() + ")";
    }
}
