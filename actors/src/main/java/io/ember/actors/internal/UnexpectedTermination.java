package io.ember.actors.internal;

import akka.actor.typed.ActorSystem;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Tells a listener when a runtime's actor system terminates although the runtime was not closed. */
final class UnexpectedTermination {
    private UnexpectedTermination() {
    }

    /** Calls {@code listener} with {@code reason} once {@code system} has terminated, unless {@code closed} by then. */
    static void notify(ActorSystem<?> system, BooleanSupplier closed, Consumer<String> listener, String reason) {
        Objects.requireNonNull(listener, "listener is null");
        system.getWhenTerminated().thenRun(() -> {
            if (!closed.getAsBoolean()) {
                listener.accept(reason);
            }
        });
    }
}
