package io.ember.rdd.internal.scheduler;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners on one thread, {@code ember-listener-bus}, in the order they were
 * posted. Posting never blocks: the scheduler must not wait for a UI.
 */
public final class ListenerBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);
    private static final Object STOP = new Object();

    private final CopyOnWriteArrayList<EmberListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    /** Starts the delivery thread. */
    public ListenerBus() {
        thread = new Thread(this::deliver, "ember-listener-bus");
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds a listener; it sees the events posted from now on (not those still queued). */
    public void add(EmberListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void remove(EmberListener listener) {
        listeners.remove(listener);
    }

    /** Queues an event for delivery. */
    public void post(ListenerEvent event) {
        queue.add(new Delivery(event, listeners.toArray(new EmberListener[0])));
    }

    /** An event and the listeners registered when it was posted. */
    private record Delivery(ListenerEvent event, EmberListener[] recipients) {
    }

    /** Delivers what is queued, then stops (bounded wait). */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            Delivery delivery = (Delivery) next;
            for (EmberListener listener : delivery.recipients()) {
                try {
                    listener.onEvent(delivery.event());
                } catch (RuntimeException e) {
                    LOG.warn("Listener {} failed on {}", listener, delivery.event(), e);
                }
            }
        }
    }
}
