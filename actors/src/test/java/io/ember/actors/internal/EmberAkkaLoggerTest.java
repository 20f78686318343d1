package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.event.LogMarker;
import akka.event.Logging;
import akka.event.MarkerLoggingAdapter;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Akka's classic warnings reach SLF4J once, through EmberAkkaLogger only (not also through Akka
 * Typed's own Slf4jLogger), and a transient one (a late heartbeat) is logged below WARN. What
 * slf4j-simple writes to standard error at its WARN level is collected and checked.
 */
@Timeout(30)
class EmberAkkaLoggerTest {

    @Test
    void realWarnings_loggedOnceAtWarn_transientOnes_belowWarn() throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "logger-test",
                akka.actor.BootstrapSetup.create(java.util.Optional.empty(),
                        java.util.Optional.of(RuntimeConfig.load(ConfigFactory.empty(), getClass().getClassLoader())),
                        java.util.Optional.empty()));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            MarkerLoggingAdapter log = Logging.withMarker(Adapter.toClassic(system), "logger-test-source",
                    akka.event.LogSource$.MODULE$.fromString());
            log.warning(LogMarker.create("akkaHeartbeatStarvation"), "heartbeat sent late");
            log.warning(LogMarker.create("akkaFailureDetectorGrowing"), "heartbeat interval is growing too large");
            log.warning("peer connection refused: {}", "java.net.ConnectException: Connection refused");
            log.warning("a real problem");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!captured.toString(StandardCharsets.UTF_8).contains("a real problem")) {
                assertTrue(System.nanoTime() < deadline, "the warning was not logged: " + captured);
                Thread.sleep(20);
            }
            Thread.sleep(200);
        } finally {
            System.setErr(err);
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.split("a real problem", -1).length - 1, out);
        assertTrue(out.lines().anyMatch(line -> line.contains(" WARN ") && line.contains("a real problem")), out);
        assertTrue(!out.contains("heartbeat sent late") && !out.contains("Connection refused")
                && !out.contains("growing too large"), out);
    }
}
