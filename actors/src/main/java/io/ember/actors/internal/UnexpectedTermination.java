package io.ember.actors.internal;

import akka.actor.typed.ActorSystem;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Tells a listener when a runtime stops working although it was not closed. */
final class UnexpectedTermination {
    private UnexpectedTermination() {
    }

    /** Calls {@code listener} with {@code reason} once {@code system} has terminated, unless {@code closed} by then. */
    static void notify(ActorSystem<?> system, BooleanSupplier closed, Consumer<String> listener, String reason) {
        notify(List.of(system.getWhenTerminated()), closed, listener, reason);
    }

    /**
     * Calls {@code listener} with {@code reason} when the first of {@code signals} completes,
     * unless {@code closed} by then; at most once, whichever signal comes first.
     */
    static void notify(List<? extends CompletionStage<?>> signals, BooleanSupplier closed, Consumer<String> listener,
            String reason) {
        Objects.requireNonNull(listener, "listener is null");
        AtomicBoolean told = new AtomicBoolean();
        for (CompletionStage<?> signal : signals) {
            signal.whenComplete((ignored, failure) -> {
                if (!closed.getAsBoolean() && told.compareAndSet(false, true)) {
                    listener.accept(reason);
                }
            });
        }
    }
}
