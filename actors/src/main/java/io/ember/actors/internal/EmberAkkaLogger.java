package io.ember.actors.internal;

import akka.actor.AbstractActor;
import akka.event.Logging;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes
 * ------------
 * Akka's classic log events (the cluster, remoting and streams log through them) go to SLF4J,
 * as akka.event.slf4j.Slf4jLogger would send them, with one difference: warnings that report a
 * transient condition which Akka itself reports again, at WARN, if it has consequences are logged
 * at INFO. A normal run on a busy machine then prints no Akka warnings, and what matters is
 * still there:
 * - akkaHeartbeatStarvation (a heartbeat was sent late, under CPU load or GC): if the delay makes
 *   a node unreachable, Akka logs "Marking node as UNREACHABLE" (akkaUnreachable) at WARN.
 * - akkaFailureDetectorGrowing (heartbeats from a node arrive further apart than the interval,
 *   the other end of the same CPU load or GC pause): the same akkaUnreachable follows if it lasts.
 * - akkaJoinFailed (the seed nodes did not answer yet, Akka retries): a worker started before its
 *   seed, or workers started together, see it; a join that never succeeds fails the driver's
 *   start (ember.cluster.joinTimeout) or leaves the worker logging it again.
 * - A connection refused by a peer (remoting's outbound streams fail and are restarted): the peer
 *   is not listening yet (a worker started before its seed, or waiting for a driver that is the
 *   seed); a peer that went away is reported at WARN by the failure detector (akkaUnreachable).
 * - Remoting's streams to a quarantined peer stopping (OutboundStreamStopQuarantinedSignal): the
 *   peer left or was removed, e.g. a driver that ended; an irregular quarantine is reported at
 *   WARN by Akka's Association (akkaQuarantine).
 * Logger names are the event's log class, as with Slf4jLogger. Only this actor logs, so the order
 * of events is Akka's.
 */
/** Akka's logger ({@code akka.loggers}): classic log events to SLF4J, transient warnings at INFO. */
public final class EmberAkkaLogger extends AbstractActor {
    /** Markers of warnings logged at INFO (see the design notes). */
    static final Set<String> TRANSIENT_WARNINGS = Set.of(
            "akkaHeartbeatStarvation", "akkaFailureDetectorGrowing", "akkaJoinFailed");
    /** Texts of warnings logged at INFO whatever their marker (see the design notes). */
    static final java.util.List<String> TRANSIENT_TEXTS = java.util.List.of(
            "java.net.ConnectException: Connection refused", "OutboundStreamStopQuarantinedSignal");

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(Logging.InitializeLogger.class, init -> getSender().tell(Logging.loggerInitialized(), getSelf()))
                .match(Logging.Error.class, this::error)
                .match(Logging.Warning.class, this::warning)
                .match(Logging.Info.class, event -> logger(event).info(text(event)))
                .match(Logging.Debug.class, event -> logger(event).debug(text(event)))
                .build();
    }

    private void error(Logging.Error event) {
        Throwable cause = event.cause();
        // Akka's "no cause" placeholder (Logging.Error.NoCause, a Scala object) is not an exception to print.
        if (cause == null || cause.getClass().getName().equals("akka.event.Logging$Error$NoCause$")) {
            logger(event).error(text(event));
        } else {
            logger(event).error(text(event), cause);
        }
    }

    private void warning(Logging.Warning event) {
        Logger logger = logger(event);
        if (isTransient(event)) {
            logger.info(text(event));
        } else {
            logger.warn(text(event));
        }
    }

    static boolean isTransient(Logging.LogEvent event) {
        boolean transientMarker = event instanceof Logging.LogEventWithMarker withMarker && withMarker.marker() != null
                && TRANSIENT_WARNINGS.contains(withMarker.marker().name());
        String message = String.valueOf(event.message());
        return transientMarker || TRANSIENT_TEXTS.stream().anyMatch(message::contains);
    }

    private static Logger logger(Logging.LogEvent event) {
        return LoggerFactory.getLogger(event.logClass() == null ? event.logSource() : event.logClass().getName());
    }

    private static String text(Logging.LogEvent event) {
        String marker = event instanceof Logging.LogEventWithMarker withMarker && withMarker.marker() != null
                ? withMarker.marker().name() + " " : "";
        return marker + event.logSource() + " - " + event.message();
    }
}
