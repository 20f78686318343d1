package io.ember.rdd.internal.storage;

import io.ember.serializers.Codecs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The driver side of broadcast variables: serializes a value once, ships the bytes once to each
 * executor (when the broadcast is created, to executors that join later, and again after an
 * {@code unpersist}), and removes the copies on {@code destroy}.
 *
 * <p>Design notes. Each live broadcast has an entry with its bytes and the list of executors
 * that hold them. That list is shared, through an AtomicReference, with the Broadcast object,
 * which carries it to tasks: an executor without the bytes fetches them from one of those
 * executors. {@code entries} is a ConcurrentHashMap; an entry's {@code shipped} flag is only
 * changed under the entry's lock.
 */
public final class BroadcastManager {
    private final ExecutorCommands commands;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    /** A broadcast as shipped: its id and the executors holding it. */
    public record Shipped(long id, AtomicReference<List<String>> holders) {
    }

    private static final class Entry {
        final byte[] bytes;
        final AtomicReference<List<String>> holders = new AtomicReference<>(List.of());
        boolean shipped;

        Entry(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    BroadcastManager(ExecutorCommands commands) {
        this.commands = commands;
    }

    /** Serializes {@code value} and ships it to every live executor; returns once they hold it. */
    public Shipped create(Object value) {
        long id = nextId.getAndIncrement();
        Entry entry = new Entry(Codecs.kryo().serialize(value));
        entries.put(id, entry);
        ship(id, entry);
        return new Shipped(id, entry.holders);
    }

    /** Bytes of the serialized value of broadcast {@code id}, or -1 if destroyed; for tests and the UI. */
    public long sizeInBytes(long id) {
        Entry entry = entries.get(id);
        return entry == null ? -1 : entry.bytes.length;
    }

    /** Removes the executors' copies; the value is shipped again before the next job. */
    public void unpersist(long id, boolean blocking) {
        Entry entry = entries.get(id);
        if (entry != null) {
            synchronized (entry) {
                entry.shipped = false;
                entry.holders.set(List.of());
            }
        }
        var sent = commands.sendToAll(new ExecutorCommand.RemoveBroadcast(id));
        if (blocking) {
            commands.await(sent);
        }
    }

    /** Forgets the broadcast and removes every copy. */
    public void destroy(long id, boolean blocking) {
        entries.remove(id);
        var sent = commands.sendToAll(new ExecutorCommand.RemoveBroadcast(id));
        if (blocking) {
            commands.await(sent);
        }
    }

    /** Ships the broadcasts that were unpersisted since they were last used; called before each job. */
    void shipPending() {
        entries.forEach((id, entry) -> {
            if (!entry.shipped) {
                ship(id, entry);
            }
        });
    }

    /** Ships every live broadcast to an executor that joined after they were created. */
    void executorAdded(String executorId) {
        entries.forEach((id, entry) -> commands.send(executorId, new ExecutorCommand.PutBroadcast(id, entry.bytes))
                .thenAccept(applied -> {
                    if (applied) {
                        entry.holders.updateAndGet(h -> concat(h, executorId));
                    }
                }));
    }

    private void ship(long id, Entry entry) {
        synchronized (entry) {
            List<String> holders = commands.await(commands.sendToAll(new ExecutorCommand.PutBroadcast(id, entry.bytes)));
            entry.holders.set(List.copyOf(holders));
            entry.shipped = true;
        }
    }

    private static List<String> concat(List<String> holders, String executorId) {
        if (holders.contains(executorId)) {
            return holders;
        }
        java.util.ArrayList<String> more = new java.util.ArrayList<>(holders);
        more.add(executorId);
        return List.copyOf(more);
    }
}
